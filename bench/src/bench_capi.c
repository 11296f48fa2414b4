/* yv_bench_capi BASE_URL API_KEY API_SECRET N WARMUP: the list_accounts loop over yativo.h, the
 * floor of the Go and Rust bindings (which call the same C functions). One JSON line. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include <yativo.h>

static double cpu_us(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec * 1e6 + (double)ru.ru_utime.tv_usec +
           (double)ru.ru_stime.tv_sec * 1e6 + (double)ru.ru_stime.tv_usec;
}

static double wall_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int list_once(yv_client *client) {
    yv_account_list *accounts = NULL;
    yv_error *err = NULL;
    if (yv_client_list_accounts(client, NULL, &accounts, &err) != YV_OK) {
        fprintf(stderr, "yv_bench_capi: %s\n", yv_error_message(err));
        yv_error_free(err);
        return 1;
    }
    yv_account_list_free(accounts);
    return 0;
}

int main(int argc, char **argv) {
    yv_options *opts = NULL;
    yv_client *client = NULL;
    yv_error *err = NULL;
    long n, warmup, i;
    double cpu0, wall0;
    int rc = 1;

    if (argc != 6) {
        fprintf(stderr, "usage: yv_bench_capi BASE_URL API_KEY API_SECRET N WARMUP\n");
        return 2;
    }
    n = atol(argv[4]);
    warmup = atol(argv[5]);
    if (yv_options_new(&opts, &err) != YV_OK || yv_options_set_base_url(opts, argv[1], &err) ||
        yv_options_set_api_key(opts, argv[2], &err) ||
        yv_options_set_api_secret(opts, argv[3], &err) ||
        yv_options_set_use_environment(opts, false, &err) ||
        yv_client_new(opts, &client, &err) != YV_OK) {
        fprintf(stderr, "yv_bench_capi: %s\n", yv_error_message(err));
        yv_error_free(err);
        goto done;
    }
    for (i = 0; i < warmup; ++i)
        if (list_once(client)) goto done;
    cpu0 = cpu_us();
    wall0 = wall_us();
    for (i = 0; i < n; ++i)
        if (list_once(client)) goto done;
    printf(
        "{\"bench\":\"p5\",\"client\":\"c\",\"requests\":%ld,\"cpu_us\":%.1f,\"wall_us\":%.1f}\n",
        n, cpu_us() - cpu0, wall_us() - wall0);
    rc = 0;
done:
    yv_client_free(client);
    yv_options_free(opts);
    return rc;
}
