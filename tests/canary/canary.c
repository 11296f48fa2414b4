/* Secret canary, C ABI: drives libyativo against a sandbox seeded with canary secrets, with the
 * log callback at DEBUG printing every line to stdout, through successes and error paths.
 * Secrets the run creates (API key secrets, access tokens, webhook secrets) are appended to
 * SECRETS_FILE, never printed, so scripts/test-canary.sh can look for them in this output.
 * usage: canary BASE_URL SESSION_TOKEN TOTP_SECRET SECRETS_FILE */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yativo.h"

static FILE *secrets;
static int failures;

static yv_status log_line(yv_log_level level, const char *message, size_t len, void *user) {
    (void)user;
    printf("LOG %d %.*s\n", (int)level, (int)len, message);
    return YV_OK;
}

static void keep_secret(const char *value) {
    if (value && *value) fprintf(secrets, "%s\n", value);
}

/* Prints everything an error object says, as a careless caller would. */
static void show(const char *what, yv_status st, yv_error *err) {
    printf("%s: %s\n", what, yv_status_str(st));
    if (err) {
        printf("  message=%s http=%d code=%s details=%s request_id=%s\n", yv_error_message(err),
               yv_error_http_status(err), yv_error_error_code(err) ? yv_error_error_code(err) : "",
               yv_error_details_json(err) ? yv_error_details_json(err) : "",
               yv_error_request_id(err) ? yv_error_request_id(err) : "");
        yv_error_free(err);
    }
}

static yv_client *client(const char *base, yv_auth_mode mode, const char *key, const char *secret,
                         const char *token, const char *totp) {
    yv_options *o = NULL;
    yv_client *c = NULL;
    yv_error *err = NULL;
    yv_options_new(&o, NULL);
    yv_options_set_use_environment(o, false, NULL);
    yv_options_set_base_url(o, base, NULL);
    yv_options_set_auth_mode(o, mode, NULL);
    if (key) yv_options_set_api_key(o, key, NULL);
    if (secret) yv_options_set_api_secret(o, secret, NULL);
    if (token) yv_options_set_access_token(o, token, NULL);
    if (totp) yv_options_set_totp_secret(o, totp, NULL);
    yv_options_set_totp_period_s(o, 2, NULL); /* the sandbox's --totp-period */
    yv_options_set_max_retries(o, 0, NULL);
    yv_options_set_log_callback(o, log_line, NULL, NULL, NULL);
    yv_options_set_log_level(o, YV_LOG_DEBUG, NULL);
    yv_status st = yv_client_new(o, &c, &err);
    if (st != YV_OK) {
        show("client_new", st, err);
        failures++;
    }
    yv_options_free(o);
    return c;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: canary BASE_URL SESSION_TOKEN TOTP_SECRET SECRETS_FILE\n");
        return 2;
    }
    const char *base = argv[1], *session = argv[2], *totp = argv[3];
    secrets = fopen(argv[4], "a");
    if (!secrets) return 2;
    const char *perms[] = {"read", "write", "transactions", "webhooks"};
    yv_error *err = NULL;
    yv_status st;

    yv_client *admin = client(base, YV_AUTH_BEARER, NULL, NULL, session, totp);
    yv_api_key *key = NULL;
    st = yv_client_create_api_key(admin, "canary", perms, 4, 0, NULL, 0, NULL, &key, &err);
    show("create_api_key", st, err);
    if (st != YV_OK) return 1;
    keep_secret(yv_api_key_api_secret(key));
    printf("key id=%s api_key=%s\n", yv_api_key_id(key), yv_api_key_api_key(key));

    /* Token mode with the new key: exchange, reads, a webhook (its secret is kept). */
    yv_client *c = client(base, YV_AUTH_TOKEN, yv_api_key_api_key(key), yv_api_key_api_secret(key),
                          NULL, NULL);
    yv_token *tok = NULL;
    err = NULL;
    st = yv_client_token(c, NULL, &tok, &err);
    show("token", st, err);
    if (tok) {
        keep_secret(yv_token_access_token(tok));
        yv_token_free(tok);
    }
    yv_api_key_list *list = NULL;
    err = NULL;
    st = yv_client_list_api_keys(c, NULL, &list, &err);
    show("list_api_keys", st, err);
    yv_api_key_list_free(list);
    const char *events[] = {"transaction.completed"};
    yv_webhook *wh = NULL;
    err = NULL;
    st = yv_client_create_webhook(c, "https://example.com/hook", events, 1, "canary", NULL, &wh,
                                  &err);
    show("create_webhook", st, err);
    if (wh) {
        keep_secret(yv_webhook_secret(wh));
        printf("webhook %s\n", yv_webhook_json(wh));
        yv_webhook_free(wh);
    }
    yv_buffer *buf = NULL;
    err = NULL;
    st = yv_client_request(c, "POST", "/balance/check", "{\"asset_id\":\"nope\"}", 19, NULL, &buf,
                           &err);
    show("request (error path)", st, err);
    yv_buffer_free(buf);

    /* Rotation: the new secret is kept; the old one must now fail, loudly but without itself. */
    yv_api_key *rotated = NULL;
    err = NULL;
    st = yv_client_rotate_api_key(admin, yv_api_key_id(key), NULL, &rotated, &err);
    show("rotate", st, err);
    if (rotated) keep_secret(yv_api_key_api_secret(rotated));
    yv_client *stale = client(base, YV_AUTH_TOKEN, yv_api_key_api_key(key),
                              yv_api_key_api_secret(key), NULL, NULL);
    err = NULL;
    st = yv_client_list_api_keys(stale, NULL, &list, &err);
    show("list with the old secret", st, err);
    if (st == YV_OK) failures++;
    yv_api_key_list_free(list);

    /* Header mode with a wrong canary secret, and a wrong canary session token. */
    yv_client *wrong = client(base, YV_AUTH_HEADERS, yv_api_key_api_key(key),
                              "ys_canary_WRONG_secret_C_7f3a", NULL, NULL);
    err = NULL;
    st = yv_client_list_api_keys(wrong, NULL, &list, &err);
    show("list with a wrong secret", st, err);
    yv_api_key_list_free(list);
    yv_client *bad_session =
        client(base, YV_AUTH_BEARER, NULL, NULL, "yvsess_canary_WRONG_session_9d2e", totp);
    err = NULL;
    yv_api_key *never = NULL;
    st = yv_client_create_api_key(bad_session, "x", perms, 1, 0, NULL, 0, NULL, &never, &err);
    show("create with a wrong session", st, err);
    if (st == YV_OK) failures++;
    yv_api_key_free(never);

    yv_api_key_free(rotated);
    yv_api_key_free(key);
    yv_client_free(bad_session);
    yv_client_free(wrong);
    yv_client_free(stale);
    yv_client_free(c);
    yv_client_free(admin);
    fclose(secrets);
    return failures ? 1 : 0;
}
