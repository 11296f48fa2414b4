/* Accounts, assets, a balance, a transfer and the history in plain C, read through the typed
 * records: create an account -> add an asset -> list accounts (with their asset counts) -> check
 * the balance (exact decimal text) -> send from the empty asset (refused: the error carries the
 * idempotency key) -> walk the history page by page.
 *
 * Run:  YATIVO_BASE_URL=... YATIVO_ACCESS_TOKEN=<dashboard session> ./records
 * Exit status 0 when every step behaved as expected. Built and run by ctest against the sandbox,
 * whose new assets hold nothing. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yativo.h>

/* Prints the error of a failed step and returns 0; returns 1 when st is YV_OK. */
/* err is passed by address: the call in the same argument list sets it, and C leaves the order
 * in which arguments are evaluated open, so its value must be read here, after the call. */
static int ok(const char *step, yv_status st, yv_error **err) {
    if (st == YV_OK) return 1;
    fprintf(stderr, "%s: %s (%s, HTTP %d)\n", step, yv_error_message(*err), yv_status_str(st),
            yv_error_http_status(*err));
    yv_error_free(*err);
    *err = NULL;
    return 0;
}

/* A string field, or "-" when the answer has none. */
static const char *or_dash(const char *s) {
    return s ? s : "-";
}

static yv_client *session_client(void) {
    yv_options *opts = NULL;
    yv_client *client = NULL;
    yv_error *err = NULL;
    const char *base_url = getenv("YATIVO_BASE_URL");
    const char *session = getenv("YATIVO_ACCESS_TOKEN");
    if (!base_url || !session) {
        fprintf(stderr, "set YATIVO_BASE_URL and YATIVO_ACCESS_TOKEN\n");
        return NULL;
    }
    if (ok("options", yv_options_new(&opts, &err), &err) &&
        ok("base url", yv_options_set_base_url(opts, base_url, &err), &err) &&
        ok("auth", yv_options_set_auth_mode(opts, YV_AUTH_BEARER, &err), &err) &&
        ok("session", yv_options_set_access_token(opts, session, &err), &err)) {
        ok("client", yv_client_new(opts, &client, &err), &err);
    }
    yv_options_free(opts);
    return client;
}

/* Sends 1 USDC from the asset. Returns 1 when the server refused it for want of funds and the
 * error carried the key a retry would use. */
static int send_from_empty_asset(yv_client *client, const char *account_id, const char *asset_id) {
    yv_send *send = NULL;
    yv_transfer *transfer = NULL;
    yv_error *err = NULL;
    yv_status st;
    int expected = 0;
    if (!ok("send params", yv_send_new(&send, &err), &err)) return 0;
    yv_send_set_account(send, account_id, NULL);
    yv_send_set_assets(send, asset_id, NULL);
    yv_send_set_receiving_address(send, "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T", NULL);
    yv_send_set_amount(send, "1", NULL);
    yv_send_set_type(send, "USDC", NULL);
    yv_send_set_chain(send, "solana", NULL);
    yv_send_set_category(send, "payment", NULL);
    st = yv_client_send_funds(client, send, NULL, &transfer, &err);
    if (st == YV_OK) {
        /* The key the call carried (here a generated UUIDv4), amounts as exact text. */
        printf("sent %s: %s + fee %s, key %s\n", or_dash(yv_transfer_id(transfer)),
               or_dash(yv_transfer_amount(transfer)), or_dash(yv_transfer_fee(transfer)),
               yv_transfer_idempotency_key(transfer));
    } else {
        /* After a failure whose outcome is unknown, send again with this key. */
        printf("send refused: %s (%s), key %s, outcome unknown: %s\n", yv_error_message(err),
               or_dash(yv_error_error_code(err)), or_dash(yv_error_idempotency_key(err)),
               yv_error_outcome_unknown(err) ? "yes" : "no");
        expected = st == YV_E_VALIDATION && yv_error_error_code(err) &&
                   strcmp(yv_error_error_code(err), "insufficient_balance") == 0 &&
                   yv_error_idempotency_key(err) != NULL;
    }
    yv_transfer_free(transfer);
    yv_error_free(err);
    yv_send_free(send);
    return expected;
}

/* Walks the history; returns how many transactions it saw, or -1 on a failure. */
static long walk_history(yv_client *client) {
    yv_tx_pager *pager = NULL;
    yv_transaction_list *page = NULL;
    yv_error *err = NULL;
    bool done = false;
    long seen = 0;
    size_t i;
    if (!ok("pager", yv_tx_pager_new(client, NULL, NULL, &pager, &err), &err)) return -1;
    while (yv_tx_pager_next(pager, &page, &done, &err) == YV_OK && !done) {
        for (i = 0; i < yv_transaction_list_count(page); ++i) {
            const yv_transaction *t = yv_transaction_list_get(page, i); /* borrowed from page */
            printf("  %s %s %s\n", yv_transaction_id(t), or_dash(yv_transaction_amount(t)),
                   or_dash(yv_transaction_ticker(t)));
            ++seen;
        }
        yv_transaction_list_free(page);
    }
    yv_tx_pager_free(pager);
    if (err) {
        ok("history", yv_error_code(err), &err); /* reports and frees it */
        return -1;
    }
    return seen;
}

int main(void) {
    yv_client *client = session_client();
    yv_account *account = NULL;
    yv_asset *asset = NULL;
    yv_account_list *accounts = NULL;
    yv_balance *balance = NULL;
    yv_error *err = NULL;
    int64_t asset_count = -1;
    size_t i;
    long history;
    int passed = 0;
    if (!client) return 1;

    if (!ok("create account",
            yv_client_create_account(client, "treasury", NULL, NULL, &account, &err), &err) ||
        !ok("add asset",
            yv_client_add_asset(client, yv_account_id(account), "solana", "USDC_SOL", NULL, &asset,
                                &err),
            &err) ||
        !ok("list accounts", yv_client_list_accounts(client, NULL, &accounts, &err), &err) ||
        !ok("balance", yv_client_check_balance(client, yv_asset_id(asset), NULL, &balance, &err),
            &err)) {
        goto done;
    }
    printf("account %s (%s), asset %s at %s\n", yv_account_id(account),
           or_dash(yv_account_type(account)), yv_asset_id(asset), or_dash(yv_asset_address(asset)));

    for (i = 0; i < yv_account_list_count(accounts); ++i) {
        const yv_account *a = yv_account_list_get(accounts, i); /* borrowed from the list */
        int64_t n = 0;
        if (yv_account_assets(a, &n)) {
            printf("  %s: %lld asset(s)\n", yv_account_id(a), (long long)n);
            if (strcmp(yv_account_id(a), yv_account_id(account)) == 0) asset_count = n;
        } else {
            printf("  %s: asset count not given\n", yv_account_id(a));
        }
    }
    /* Exact text, never a double; balance_usd only when the server gives one. */
    printf("balance %s %s (USD %s)\n", yv_balance_balance(balance),
           or_dash(yv_balance_ticker(balance)), or_dash(yv_balance_balance_usd(balance)));

    passed = asset_count == 1 && strcmp(yv_balance_balance(balance), "0") == 0;
    passed = send_from_empty_asset(client, yv_account_id(account), yv_asset_id(asset)) && passed;
    history = walk_history(client);
    printf("history: %ld transaction(s)\n", history);
    passed = passed && history == 0;

done:
    yv_balance_free(balance);
    yv_account_list_free(accounts);
    yv_asset_free(asset);
    yv_account_free(account);
    yv_client_free(client);
    if (!passed) fprintf(stderr, "records: a step did not behave as expected\n");
    return passed ? 0 : 1;
}
