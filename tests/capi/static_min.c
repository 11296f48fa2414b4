/* The smallest useful C program over libyativo.a: a client that lists accounts when given a base
 * URL and a token (so the whole client is linked in), else prints a TOTP code. Linked statically
 * against libyativo.a to prove the archive carries the core, and to measure its size. */
#include <stdio.h>
#include <string.h>

#include <yativo.h>

static int fail(const char *what, yv_error *err) {
    fprintf(stderr, "%s: %s\n", what, yv_error_message(err));
    yv_error_free(err);
    return 1;
}

int main(int argc, char **argv) {
    char code[YV_TOTP_CODE_SIZE];
    yv_error *err = NULL;
    yv_options *opts = NULL;
    yv_client *client = NULL;
    yv_account_list *accounts = NULL;
    size_t i;
    int rc = 0;

    if (yv_totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59, 30, 8, code, sizeof code, &err) != YV_OK)
        return fail("totp", err);
    printf("libyativo %s, code %s\n", yv_version(), code);
    if (strcmp(code, "94287082") != 0) return 1;

    if (yv_options_new(&opts, &err) != YV_OK) return fail("options", err);
    if (argc > 2 && (yv_options_set_base_url(opts, argv[1], &err) != YV_OK ||
                     yv_options_set_auth_mode(opts, YV_AUTH_BEARER, &err) != YV_OK ||
                     yv_options_set_access_token(opts, argv[2], &err) != YV_OK)) {
        rc = fail("options", err);
    } else if (yv_client_new(opts, &client, &err) != YV_OK) {
        rc = fail("client", err);
    } else if (argc > 2) {
        if (yv_client_list_accounts(client, NULL, &accounts, &err) != YV_OK) {
            rc = fail("accounts", err);
        } else {
            for (i = 0; i < yv_account_list_count(accounts); ++i)
                printf("%s\n", yv_account_id(yv_account_list_get(accounts, i)));
        }
    }
    yv_account_list_free(accounts);
    yv_client_free(client);
    yv_options_free(opts);
    return rc;
}
