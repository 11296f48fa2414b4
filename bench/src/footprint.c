/* What an idle client and its first call cost a gateway, read from inside the process: glibc's
 * heap in use (mallinfo2: bytes allocated plus mmapped chunks, counted by the target's own allocator,
 * so it holds under qemu-user too), VmRSS (meaningful natively only: under qemu-user it is the emulator's) and the
 * threads alive (/proc/self/status). Run by scripts/cross-footprint.sh per target under qemu-user
 * and natively, against a sandbox:
 *   footprint BASE_URL ACCESS_TOKEN
 * prints one JSON line. The threads a call creates and joins are counted outside, from the clone
 * calls the process makes (strace -f natively, qemu-user -strace on a target). */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include <curl/curl.h>
#include <yativo.h>

static long status_field(const char *name) {
    char line[256];
    long value = -1;
    size_t n = strlen(name);
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, name, n) == 0 && line[n] == ':') {
            sscanf(line + n + 1, "%ld", &value);
            break;
        }
    fclose(f);
    return value;
}

static long heap_bytes(void) {
    struct mallinfo2 m = mallinfo2();
    return (long)(m.uordblks + m.hblkhd);
}

static int fail(const char *what, yv_error *err) {
    fprintf(stderr, "footprint: %s: %s\n", what, yv_error_message(err));
    yv_error_free(err);
    return 1;
}

int main(int argc, char **argv) {
    yv_error *err = NULL;
    yv_options *opts = NULL;
    yv_client *client = NULL;
    yv_account_list *accounts = NULL;
    long heap0, rss0, heap_idle, rss_idle, heap_first, rss_first, threads0, threads_first;

    if (argc != 3) {
        fprintf(stderr, "usage: footprint BASE_URL ACCESS_TOKEN\n");
        return 2;
    }
    /* What every libcurl program pays anyway is not the client's: initialise it first. */
    curl_global_init(CURL_GLOBAL_DEFAULT);
    heap0 = heap_bytes();
    rss0 = status_field("VmRSS");
    threads0 = status_field("Threads");

    if (yv_options_new(&opts, &err) != YV_OK || yv_options_set_base_url(opts, argv[1], &err) ||
        yv_options_set_auth_mode(opts, YV_AUTH_BEARER, &err) ||
        yv_options_set_access_token(opts, argv[2], &err) ||
        yv_options_set_use_environment(opts, false, &err))
        return fail("options", err);
    if (yv_client_new(opts, &client, &err) != YV_OK) return fail("client", err);
    yv_options_free(opts);
    heap_idle = heap_bytes();
    rss_idle = status_field("VmRSS");

    if (yv_client_list_accounts(client, NULL, &accounts, &err) != YV_OK)
        return fail("list_accounts", err);
    yv_account_list_free(accounts);
    heap_first = heap_bytes();
    rss_first = status_field("VmRSS");
    threads_first = status_field("Threads");

    printf("{\"heap_idle\": %ld, \"heap_after_first_call\": %ld, \"rss_idle_kib\": %ld, "
           "\"rss_after_first_call_kib\": %ld, \"threads_before\": %ld, "
           "\"threads_after_first_call\": %ld}\n",
           heap_idle - heap0, heap_first - heap0, rss_idle - rss0, rss_first - rss0, threads0,
           threads_first);
    yv_client_free(client);
    curl_global_cleanup();
    return 0;
}
