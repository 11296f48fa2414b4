/* epoll_loop.c: libyativo's event-loop interface driven by a single-threaded epoll loop.
 *
 * A gateway's main loop owns one epoll instance; libyativo says which sockets to watch
 * (on_watch) and when it needs a timer (on_timer), and the loop tells it what became ready
 * (yv_loop_on_socket) and when the timer fired (yv_loop_on_timeout). Nothing blocks and no
 * thread is started. The calls:
 *   - a chain, each step started from the previous one's callback: create an account -> add a
 *     USDC asset to it -> check the asset's balance;
 *   - alongside, `parallel` reads of the supported chains, all in flight at once;
 *   - a read of an API key that does not exist, whose YV_E_NOT_FOUND reaches its callback.
 * Environment: YATIVO_BASE_URL and YATIVO_ACCESS_TOKEN (a dashboard session). Argument: how many
 * parallel reads (default 20). Exits 0 when every call ended as expected.
 * docs/c-api.md, "The event loop", walks through it; ctest runs it against yativo-sandbox
 * (capi.example.epoll_loop), under valgrind (capi.valgrind.epoll_loop) and ThreadSanitizer. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include <yativo.h>

/* The host's side: its epoll instance and the one timer libyativo asked for. */
typedef struct host {
    int epfd;
    long long timer_due_ms; /* CLOCK_MONOTONIC, or -1: no timer */
    int failed;             /* an epoll_ctl failed: the loop cannot go on */
} host;

/* What the calls share: the loop and client to start the next step on, and the tally. */
typedef struct app {
    yv_loop *loop;
    yv_client *client;
    int reads_ok;
    int chain_done;
    int not_found_seen;
    int failures;
} app;

static long long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* yv_watch_fn: watch fd for events (YV_WATCH_READ | YV_WATCH_WRITE), or stop (YV_WATCH_NONE). */
static void on_watch(void *user_data, int fd, int events) {
    host *h = user_data;
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.data.fd = fd;
    if (events & YV_WATCH_READ) ev.events |= EPOLLIN;
    if (events & YV_WATCH_WRITE) ev.events |= EPOLLOUT;
    if (events == YV_WATCH_NONE) {
        /* The socket may be closed already (then the kernel dropped it from the set). */
        epoll_ctl(h->epfd, EPOLL_CTL_DEL, fd, NULL);
        return;
    }
    if (epoll_ctl(h->epfd, EPOLL_CTL_MOD, fd, &ev) == 0) return;
    if (errno == ENOENT && epoll_ctl(h->epfd, EPOLL_CTL_ADD, fd, &ev) == 0) return;
    perror("epoll_ctl");
    h->failed = 1;
}

/* yv_timer_fn: call yv_loop_on_timeout after timeout_ms (-1: no timer). */
static void on_timer(void *user_data, int64_t timeout_ms) {
    host *h = user_data;
    h->timer_due_ms = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
}

static void report(const char *what, yv_status status, const yv_error *err) {
    fprintf(stderr, "%s: %s: %s\n", what, yv_status_str(status), yv_error_message(err));
}

/* The chain's last step. */
static void balance_checked(void *user_data, yv_status status, yv_balance *balance,
                            yv_error *err) {
    app *a = user_data;
    if (status == YV_OK) {
        const char *amount = yv_balance_balance(balance); /* exact decimal text */
        printf("balance of the new asset: %s\n", amount ? amount : "(none)");
        a->chain_done = 1;
    } else {
        report("check_balance", status, err);
        a->failures++;
    }
    yv_balance_free(balance); /* the callback owns the result and the error */
    yv_error_free(err);
}

static void asset_added(void *user_data, yv_status status, yv_asset *asset, yv_error *err) {
    app *a = user_data;
    yv_error *start_err = NULL;
    if (status != YV_OK) {
        report("add_asset", status, err);
        a->failures++;
    } else if (yv_client_check_balance_start(a->loop, a->client, yv_asset_id(asset), NULL,
                                             balance_checked, a, NULL, &start_err) != YV_OK) {
        /* _start refused it: its callback will not run. */
        report("check_balance_start", yv_error_code(start_err), start_err);
        a->failures++;
        yv_error_free(start_err);
    }
    /* The asset id was copied by _start: the asset may go now. */
    yv_asset_free(asset);
    yv_error_free(err);
}

static void account_created(void *user_data, yv_status status, yv_account *account,
                            yv_error *err) {
    app *a = user_data;
    yv_error *start_err = NULL;
    if (status != YV_OK) {
        report("create_account", status, err);
        a->failures++;
    } else if (yv_client_add_asset_start(a->loop, a->client, yv_account_id(account), "ethereum",
                                         "USDC_ETH", NULL, asset_added, a, NULL,
                                         &start_err) != YV_OK) {
        report("add_asset_start", yv_error_code(start_err), start_err);
        a->failures++;
        yv_error_free(start_err);
    }
    yv_account_free(account);
    yv_error_free(err);
}

static void chains_read(void *user_data, yv_status status, yv_buffer *json, yv_error *err) {
    app *a = user_data;
    if (status == YV_OK && yv_buffer_len(json) > 0) {
        a->reads_ok++;
    } else {
        report("list_chains", status, err);
        a->failures++;
    }
    yv_buffer_free(json);
    yv_error_free(err);
}

static void missing_key_read(void *user_data, yv_status status, yv_api_key *key, yv_error *err) {
    app *a = user_data;
    if (status == YV_E_NOT_FOUND && yv_error_http_status(err) == 404) {
        printf("get_api_key: %s (HTTP %d), as expected\n", yv_status_str(status),
               yv_error_http_status(err));
        a->not_found_seen = 1;
    } else {
        report("get_api_key", status, err);
        a->failures++;
    }
    yv_api_key_free(key);
    yv_error_free(err);
}

/* Hands epoll's readiness to the loop, in libyativo's terms. */
static int socket_events(uint32_t ev) {
    int events = 0;
    if (ev & EPOLLIN) events |= YV_WATCH_READ;
    if (ev & EPOLLOUT) events |= YV_WATCH_WRITE;
    if (ev & (EPOLLERR | EPOLLHUP)) events |= YV_WATCH_ERROR;
    return events;
}

/* The host's main loop: until no call is in flight. Returns 0, or -1 when it had to stop. */
static int drive(host *h, yv_loop *loop) {
    struct epoll_event ready[16];
    yv_error *err = NULL;
    while (yv_loop_in_flight(loop) > 0) {
        int wait_ms = -1, n, i;
        if (h->failed) return -1;
        if (h->timer_due_ms >= 0) {
            long long left = h->timer_due_ms - now_ms();
            wait_ms = left < 0 ? 0 : (int)left;
        }
        n = epoll_wait(h->epfd, ready, 16, wait_ms);
        if (n < 0) {
            if (errno == EINTR) continue;
            perror("epoll_wait");
            return -1;
        }
        for (i = 0; i < n; i++) {
            if (yv_loop_on_socket(loop, ready[i].data.fd, socket_events(ready[i].events), &err) !=
                YV_OK) {
                report("on_socket", yv_error_code(err), err);
                yv_error_free(err);
                return -1;
            }
        }
        if (h->timer_due_ms >= 0 && now_ms() >= h->timer_due_ms) {
            h->timer_due_ms = -1; /* fired; on_timeout may ask for the next one */
            if (yv_loop_on_timeout(loop, &err) != YV_OK) {
                report("on_timeout", yv_error_code(err), err);
                yv_error_free(err);
                return -1;
            }
        }
    }
    return 0;
}

int main(int argc, char **argv) {
    const char *base_url = getenv("YATIVO_BASE_URL");
    const char *session = getenv("YATIVO_ACCESS_TOKEN");
    int parallel = argc > 1 ? atoi(argv[1]) : 20, i, rc = 1;
    host h = {-1, -1, 0};
    app a;
    yv_options *opts = NULL;
    yv_loop_options *lopts = NULL;
    yv_error *err = NULL;

    memset(&a, 0, sizeof a);
    if (!base_url || !session || parallel < 0) {
        fprintf(stderr, "usage: YATIVO_BASE_URL=... YATIVO_ACCESS_TOKEN=... %s [parallel]\n",
                argv[0]);
        return 2;
    }
    h.epfd = epoll_create1(0);
    if (h.epfd < 0) {
        perror("epoll_create1");
        return 1;
    }

    /* The client: a dashboard session against the given base URL. */
    if (yv_options_new(&opts, &err) != YV_OK ||
        yv_options_set_base_url(opts, base_url, &err) != YV_OK ||
        yv_options_set_auth_mode(opts, YV_AUTH_BEARER, &err) != YV_OK ||
        yv_options_set_access_token(opts, session, &err) != YV_OK ||
        yv_client_new(opts, &a.client, &err) != YV_OK) {
        report("client", yv_error_code(err), err);
        goto out;
    }

    /* The loop, driven by this program's epoll instance. */
    if (yv_loop_options_new(&lopts, &err) != YV_OK ||
        yv_loop_options_set_callbacks(lopts, on_watch, on_timer, &h, &err) != YV_OK ||
        yv_loop_new(lopts, &a.loop, &err) != YV_OK) {
        report("loop", yv_error_code(err), err);
        goto out;
    }

    /* Start everything; none of it runs until the loop is driven. */
    if (yv_client_create_account_start(a.loop, a.client, "gateway-7", NULL, NULL, account_created,
                                       &a, NULL, &err) != YV_OK ||
        yv_client_get_api_key_start(a.loop, a.client, "key_does_not_exist", NULL,
                                    missing_key_read, &a, NULL, &err) != YV_OK) {
        report("start", yv_error_code(err), err);
        goto out;
    }
    for (i = 0; i < parallel; i++) {
        if (yv_client_list_chains_start(a.loop, a.client, NULL, chains_read, &a, NULL, &err) !=
            YV_OK) {
            report("list_chains_start", yv_error_code(err), err);
            goto out;
        }
    }
    printf("%u calls in flight\n", (unsigned)yv_loop_in_flight(a.loop));

    if (drive(&h, a.loop) != 0) goto out;
    printf("%d parallel reads done\n", a.reads_ok);
    if (a.failures == 0 && a.chain_done && a.not_found_seen && a.reads_ok == parallel) rc = 0;

out:
    /* Frees the loop first: calls still in flight (after an error above) end with
     * YV_E_CANCELLED and their callbacks run here, while the client still exists. */
    yv_loop_free(a.loop);
    yv_loop_options_free(lopts);
    yv_client_free(a.client);
    yv_options_free(opts);
    yv_error_free(err);
    close(h.epfd);
    return rc;
}
