/* A gateway's whole session in plain C, over TLS verified by a CA given in memory: session client
 * -> create an API key (2FA) -> key client -> token -> reads -> an account and an asset ->
 * send_funds (a generated idempotency key) -> webhook sign and verify.
 *
 * Run:  YATIVO_BASE_URL=https://... YATIVO_ACCESS_TOKEN=<session> YATIVO_TOTP_SECRET=<base32>
 *       YATIVO_TEST_CA_PEM="$(cat ca.pem)" ./firmware_flow TOTP_PERIOD_SECONDS
 * scripts/test-firmware.sh runs it under strace to show the library writes no file and opens no
 * CA store of the system. Exit status 0 when every step behaved as expected. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yativo.h>

/* Takes the error's address, not its value: the order in which a call's arguments are evaluated
 * is unspecified, so `ok(step, f(&err), &err)` may read err before f wrote it. */
static int ok(const char *step, yv_status st, yv_error **err) {
    if (st == YV_OK) return 1;
    fprintf(stderr, "%s: %s (%s, HTTP %d)\n", step, yv_error_message(*err), yv_status_str(st),
            yv_error_http_status(*err));
    yv_error_free(*err);
    *err = NULL;
    return 0;
}

static const char *need_env(const char *name) {
    const char *value = getenv(name);
    if (!value || !*value) fprintf(stderr, "set %s\n", name);
    return value && *value ? value : NULL;
}

/* Options for the sandbox: its URL, its CA as PEM text in memory, nothing from the environment.
 * YATIVO_TEST_CA_PEM=none leaves the CA unset: the control run, which must fail to verify. */
static yv_options *base_options(void) {
    yv_options *opts = NULL;
    yv_error *err = NULL;
    const char *url = need_env("YATIVO_BASE_URL");
    const char *ca = need_env("YATIVO_TEST_CA_PEM");
    if (!url || !ca) return NULL;
    if (ok("options", yv_options_new(&opts, &err), &err) &&
        ok("base url", yv_options_set_base_url(opts, url, &err), &err) &&
        ok("no env", yv_options_set_use_environment(opts, false, &err), &err) &&
        (strcmp(ca, "none") == 0 || ok("ca blob", yv_options_set_ca_blob(opts, ca, &err), &err)))
        return opts;
    yv_options_free(opts);
    return NULL;
}

static yv_client *client_from(yv_options *opts) {
    yv_client *client = NULL;
    yv_error *err = NULL;
    if (opts) ok("client", yv_client_new(opts, &client, &err), &err);
    yv_options_free(opts);
    return client;
}

static yv_client *session_client(unsigned totp_period_s) {
    yv_options *opts = base_options();
    yv_error *err = NULL;
    const char *session = need_env("YATIVO_ACCESS_TOKEN");
    const char *totp = need_env("YATIVO_TOTP_SECRET");
    if (!opts || !session || !totp ||
        !ok("auth", yv_options_set_auth_mode(opts, YV_AUTH_BEARER, &err), &err) ||
        !ok("session", yv_options_set_access_token(opts, session, &err), &err) ||
        !ok("totp", yv_options_set_totp_secret(opts, totp, &err), &err) ||
        !ok("period", yv_options_set_totp_period_s(opts, totp_period_s, &err), &err)) {
        yv_options_free(opts);
        return NULL;
    }
    return client_from(opts);
}

static yv_client *key_client(const char *api_key, const char *api_secret) {
    yv_options *opts = base_options();
    yv_error *err = NULL;
    if (!opts || !ok("api key", yv_options_set_api_key(opts, api_key, &err), &err) ||
        !ok("api secret", yv_options_set_api_secret(opts, api_secret, &err), &err)) {
        yv_options_free(opts);
        return NULL;
    }
    return client_from(opts);
}

/* Reads, then an account with an asset and a transfer from it. The sandbox's new asset holds
 * nothing, so the transfer may be refused by the server: what matters here is that the library
 * built, sent and decoded it. */
static int key_flow(yv_client *client) {
    yv_error *err = NULL;
    yv_token *token = NULL;
    yv_account_list *accounts = NULL;
    yv_account *account = NULL;
    yv_asset *asset = NULL;
    yv_send *send = NULL;
    yv_transfer *transfer = NULL;
    int good =
        ok("token", yv_client_token(client, NULL, &token, &err), &err) &&
        ok("list accounts", yv_client_list_accounts(client, NULL, &accounts, &err), &err) &&
        ok("create account",
           yv_client_create_account(client, "gateway", NULL, NULL, &account, &err), &err) &&
        ok("add asset",
           yv_client_add_asset(client, yv_account_id(account), "ethereum", "USDC_ETH", NULL, &asset,
                               &err),
           &err) &&
        ok("send params", yv_send_new(&send, &err), &err) &&
        ok("account", yv_send_set_account(send, yv_account_id(account), &err), &err) &&
        ok("assets", yv_send_set_assets(send, yv_asset_id(asset), &err), &err) &&
        ok("address",
           yv_send_set_receiving_address(send, "0x52908400098527886E0F7030069857D2E4169EE7", &err),
           &err) &&
        ok("amount", yv_send_set_amount(send, "1.5", &err), &err) &&
        ok("type", yv_send_set_type(send, "USDC", &err), &err) &&
        ok("chain", yv_send_set_chain(send, "ethereum", &err), &err) &&
        ok("category", yv_send_set_category(send, "business", &err), &err);
    if (good) {
        yv_status st = yv_client_send_funds(client, send, NULL, &transfer, &err);
        /* 2xx statuses are the server's answers: the request went out and came back. */
        if (st != YV_OK && (st < 200 || st >= 300)) good = ok("send funds", st, &err);
        if (st != YV_OK && good) {
            printf("send funds: the server answered %s: %s (the asset is empty)\n",
                   yv_status_str(st), yv_error_message(err));
            yv_error_free(err);
        }
    }
    yv_transfer_free(transfer);
    yv_send_free(send);
    yv_asset_free(asset);
    yv_account_free(account);
    yv_account_list_free(accounts);
    yv_token_free(token);
    return good;
}

static int webhook_flow(void) {
    static const char body[] = "{\"id\":\"evt_1\",\"type\":\"deposit.completed\",\"data\":{}}";
    yv_headers *headers = NULL;
    yv_event *event = NULL;
    yv_error *err = NULL;
    int good = ok("webhook sign",
                  yv_webhook_sign((const uint8_t *)body, sizeof body - 1, "whsec_firmware", YV_NOW,
                                  &headers, &err),
                  &err) &&
               ok("webhook verify",
                  yv_webhook_verify((const uint8_t *)body, sizeof body - 1, headers,
                                    "whsec_firmware", 0, true, &event, &err),
                  &err);
    yv_event_free(event);
    yv_headers_free(headers);
    return good;
}

int main(int argc, char **argv) {
    unsigned period = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 30;
    const char *perms[] = {"read", "write", "transactions"};
    yv_client *session = session_client(period);
    yv_api_key *key = NULL;
    yv_client *client = NULL;
    yv_error *err = NULL;
    int good =
        session != NULL &&
        ok("create key",
           yv_client_create_api_key(session, "gateway", perms, 3, 0, NULL, 0, NULL, &key, &err),
           &err) &&
        (client = key_client(yv_api_key_api_key(key), yv_api_key_api_secret(key))) != NULL &&
        key_flow(client) && webhook_flow();
    yv_client_free(client);
    yv_api_key_free(key);
    yv_client_free(session);
    puts(good ? "firmware flow: ok" : "firmware flow: FAILED");
    return good ? 0 : 1;
}
