/* The whole API-key lifecycle in plain C: create (2FA) -> token -> list -> get -> set permissions
 * -> rotate (old secret refused) -> revoke (key refused).
 *
 * Run:  YATIVO_BASE_URL=... YATIVO_ACCESS_TOKEN=<dashboard session> YATIVO_TOTP_SECRET=<base32>
 *       ./key_lifecycle [TOTP_PERIOD_SECONDS]
 * Secrets come from the environment, never from argv (arguments show in `ps`).
 * Exit status 0 when every step behaved as expected. Built and run by ctest against the sandbox. */
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

static const char *need_env(const char *name) {
    const char *value = getenv(name);
    if (!value || !*value) fprintf(stderr, "set %s\n", name);
    return value && *value ? value : NULL;
}

/* A client acting with the dashboard session (bearer) and the account's TOTP secret: the
 * credential that may manage keys. */
static yv_client *session_client(const char *base_url, unsigned totp_period_s) {
    yv_options *opts = NULL;
    yv_client *client = NULL;
    yv_error *err = NULL;
    const char *session = need_env("YATIVO_ACCESS_TOKEN");
    const char *totp = need_env("YATIVO_TOTP_SECRET");
    if (!session || !totp) return NULL;
    if (ok("options", yv_options_new(&opts, &err), &err) &&
        ok("base url", yv_options_set_base_url(opts, base_url, &err), &err) &&
        ok("auth", yv_options_set_auth_mode(opts, YV_AUTH_BEARER, &err), &err) &&
        ok("session", yv_options_set_access_token(opts, session, &err), &err) &&
        ok("totp", yv_options_set_totp_secret(opts, totp, &err), &err) &&
        (totp_period_s == 0 ||
         ok("period", yv_options_set_totp_period_s(opts, totp_period_s, &err), &err))) {
        ok("client", yv_client_new(opts, &client, &err), &err);
    }
    yv_options_free(opts);
    return client;
}

/* A client that authenticates with an API key and secret (token exchange). */
static yv_client *key_client(const char *base_url, const char *api_key, const char *api_secret) {
    yv_options *opts = NULL;
    yv_client *client = NULL;
    yv_error *err = NULL;
    if (ok("options", yv_options_new(&opts, &err), &err) &&
        ok("base url", yv_options_set_base_url(opts, base_url, &err), &err) &&
        ok("no env", yv_options_set_use_environment(opts, false, &err), &err) &&
        ok("api key", yv_options_set_api_key(opts, api_key, &err), &err) &&
        ok("api secret", yv_options_set_api_secret(opts, api_secret, &err), &err)) {
        ok("client", yv_client_new(opts, &client, &err), &err);
    }
    yv_options_free(opts);
    return client;
}

/* Exchanges the key for a token; returns the status (the error, if any, is freed). */
static yv_status try_token(yv_client *client, int print) {
    yv_token *token = NULL;
    yv_error *err = NULL;
    yv_status st = yv_client_token(client, NULL, &token, &err);
    if (st == YV_OK && print) {
        printf("token: %s, expires in %lld s, %zu scopes\n", yv_token_token_type(token),
               (long long)yv_token_expires_in(token), yv_token_scopes_count(token));
    }
    yv_token_free(token);
    yv_error_free(err);
    return st;
}

static void print_key(const char *what, const yv_api_key *key) {
    size_t i;
    printf("%s: %s \"%s\" status=%s permissions=", what, yv_api_key_id(key), yv_api_key_name(key),
           yv_api_key_status(key));
    for (i = 0; i < yv_api_key_permissions_count(key); ++i) {
        printf("%s%s", i ? "," : "", yv_api_key_permission(key, i));
    }
    printf("\n");
}

int main(int argc, char **argv) {
    const char *base_url = need_env("YATIVO_BASE_URL");
    unsigned period = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 0;
    const char *perms[] = {"read", "write"};
    const char *read_only[] = {"read"};
    yv_client *admin = NULL, *user = NULL, *user_old = NULL;
    yv_api_key *key = NULL, *got = NULL, *updated = NULL, *rotated = NULL;
    yv_api_key_list *list = NULL;
    yv_error *err = NULL;
    int rc = 1;
    size_t i;
    int listed = 0;

    printf("libyativo %s\n", yv_version());
    if (!base_url || !(admin = session_client(base_url, period))) goto done;

    /* 1. Create a key (sends X-2FA-Token computed from the TOTP secret). */
    if (!ok("create",
            yv_client_create_api_key(admin, "gateway-7", perms, 2, 30, NULL, 0, NULL, &key, &err),
            &err))
        goto done;
    print_key("created", key);
    printf("api_key %s, api_secret shown once (%zu chars)\n", yv_api_key_api_key(key),
           strlen(yv_api_key_api_secret(key)));

    /* 2. Exchange it for an access token. */
    user = key_client(base_url, yv_api_key_api_key(key), yv_api_key_api_secret(key));
    if (!user || try_token(user, 1) != YV_OK) goto done;

    /* 3. List: the new key is there. */
    if (!ok("list", yv_client_list_api_keys(admin, NULL, &list, &err), &err)) goto done;
    for (i = 0; i < yv_api_key_list_count(list); ++i) {
        listed |= strcmp(yv_api_key_id(yv_api_key_list_get(list, i)), yv_api_key_id(key)) == 0;
    }
    printf("list: %zu keys, new key %s\n", yv_api_key_list_count(list),
           listed ? "present" : "MISSING");
    if (!listed) goto done;

    /* 4. Get it by id: no secret any more. */
    if (!ok("get", yv_client_get_api_key(admin, yv_api_key_id(key), NULL, &got, &err), &err))
        goto done;
    print_key("get", got);
    if (yv_api_key_api_secret(got) != NULL) goto done;

    /* 5. Narrow its permissions to read. */
    if (!ok("permissions",
            yv_client_update_api_key_permissions(admin, yv_api_key_id(key), read_only, 1, NULL,
                                                 &updated, &err),
            &err))
        goto done;
    print_key("updated", updated);

    /* 6. Rotate: a new secret; the old one is refused at once. */
    if (!ok("rotate", yv_client_rotate_api_key(admin, yv_api_key_id(key), NULL, &rotated, &err),
            &err))
        goto done;
    user_old = key_client(base_url, yv_api_key_api_key(key), yv_api_key_api_secret(key));
    yv_client_free(user);
    user = key_client(base_url, yv_api_key_api_key(rotated), yv_api_key_api_secret(rotated));
    if (!user_old || !user) goto done;
    if (try_token(user_old, 0) != YV_E_AUTHENTICATION) {
        fprintf(stderr, "rotate: the old secret still works\n");
        goto done;
    }
    if (try_token(user, 1) != YV_OK) goto done;
    printf("rotate: old secret refused, new secret accepted\n");

    /* 7. Revoke: the key is refused from now on. */
    if (!ok("revoke", yv_client_revoke_api_key(admin, yv_api_key_id(key), NULL, &err), &err))
        goto done;
    yv_client_free(user);
    user = key_client(base_url, yv_api_key_api_key(rotated), yv_api_key_api_secret(rotated));
    if (!user || try_token(user, 0) != YV_E_AUTHENTICATION) {
        fprintf(stderr, "revoke: the key still works\n");
        goto done;
    }
    printf("revoke: key refused\n");
    rc = 0;

done:
    yv_api_key_free(key);
    yv_api_key_free(got);
    yv_api_key_free(updated);
    yv_api_key_free(rotated);
    yv_api_key_list_free(list);
    yv_client_free(user_old);
    yv_client_free(user);
    yv_client_free(admin);
    return rc;
}
