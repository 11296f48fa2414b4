// The log callback through the C ABI: debug lines arrive on the calling thread, never carry a
// secret, stop when the callback says so, and user_data is released exactly once.
#include <pthread.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "sandbox_client.hpp"

using namespace capi_test;

namespace {

struct Sink {
    std::mutex mutex;
    std::vector<std::string> lines;
    std::vector<std::thread::id> threads;
    int frees = 0;
    int calls = 0;
    yv_status answer = YV_OK;
};

yv_status on_log(yv_log_level level, const char *message, size_t len, void *user_data) {
    auto *sink = static_cast<Sink *>(user_data);
    std::lock_guard<std::mutex> lock(sink->mutex);
    EXPECT_EQ(std::strlen(message), len);
    EXPECT_LE(static_cast<int>(level), static_cast<int>(YV_LOG_ERROR));
    sink->lines.emplace_back(message, len);
    sink->threads.push_back(std::this_thread::get_id());
    ++sink->calls;
    return sink->answer;
}

void free_sink(void *user_data) {
    ++static_cast<Sink *>(user_data)->frees;
}

TEST(CapiLogging, DebugLinesNeverCarryASecret) {
    yvtest::SandboxProcess sb(sandbox_flags());
    Sink sink;
    std::vector<std::string> secrets = {sb.session_token(), sb.totp_secret()};
    {
        auto o = session_options(sb);
        ASSERT_EQ(yv_options_set_log_level(o.get(), YV_LOG_DEBUG, nullptr), YV_OK);
        ASSERT_EQ(yv_options_set_log_callback(o.get(), on_log, &sink, free_sink, nullptr), YV_OK);
        auto admin = make_client(o.get());
        o.reset();
        EXPECT_EQ(sink.frees, 0) << "the client still holds the callback";

        auto key = create_key(admin.get(), "logged", {"read"});
        ASSERT_TRUE(key);
        secrets.emplace_back(yv_api_key_api_secret(key.get()));

        // A key client logging its token exchange, from the same sink.
        auto ko = sandbox_options(sb.base_url());
        ASSERT_EQ(yv_options_set_api_key(ko.get(), yv_api_key_api_key(key.get()), nullptr), YV_OK);
        ASSERT_EQ(yv_options_set_api_secret(ko.get(), secrets.back().c_str(), nullptr), YV_OK);
        ASSERT_EQ(yv_options_set_log_level(ko.get(), YV_LOG_DEBUG, nullptr), YV_OK);
        ASSERT_EQ(yv_options_set_log_callback(ko.get(), on_log, &sink, nullptr, nullptr), YV_OK);
        auto user = make_client(ko.get());
        yv_token *t = nullptr;
        ASSERT_EQ(yv_client_token(user.get(), nullptr, &t, nullptr), YV_OK);
        Token token(t);
        secrets.emplace_back(yv_token_access_token(t));
        ok<AccountList>([&](yv_account_list **out, yv_error **e) {
            return yv_client_list_accounts(user.get(), nullptr, out, e);
        });
    }
    EXPECT_EQ(sink.frees, 1) << "user_data released once, after the last client";

    ASSERT_FALSE(sink.lines.empty());
    bool saw_path = false;
    for (const auto &line : sink.lines) {
        saw_path |= line.find("/apikey/create") != std::string::npos;
        for (const auto &secret : secrets) {
            ASSERT_FALSE(secret.empty());
            EXPECT_EQ(line.find(secret), std::string::npos) << "secret in log line: " << line;
        }
    }
    EXPECT_TRUE(saw_path) << "debug lines name the request path";
    for (const auto &id : sink.threads) EXPECT_EQ(id, std::this_thread::get_id());
}

TEST(CapiLogging, ANonOkAnswerSwitchesTheCallbackOff) {
    yvtest::SandboxProcess sb(sandbox_flags());
    Sink sink;
    sink.answer = YV_E_INTERNAL;
    auto o = session_options(sb);
    ASSERT_EQ(yv_options_set_log_level(o.get(), YV_LOG_DEBUG, nullptr), YV_OK);
    ASSERT_EQ(yv_options_set_log_callback(o.get(), on_log, &sink, free_sink, nullptr), YV_OK);
    auto c = make_client(o.get());
    for (int i = 0; i < 2; ++i) {
        ok<AccountList>([&](yv_account_list **out, yv_error **e) {
            return yv_client_list_accounts(c.get(), nullptr, out, e);
        });
    }
    EXPECT_EQ(sink.calls, 1);
    c.reset();
    o.reset();
    EXPECT_EQ(sink.frees, 1);
}

TEST(CapiLogging, LevelFiltersAndRemovalReleases) {
    yvtest::SandboxProcess sb(sandbox_flags());
    Sink sink;
    auto o = session_options(sb);
    ASSERT_EQ(yv_options_set_log_level(o.get(), YV_LOG_ERROR, nullptr), YV_OK);
    ASSERT_EQ(yv_options_set_log_callback(o.get(), on_log, &sink, free_sink, nullptr), YV_OK);
    {
        auto c = make_client(o.get());
        ok<AccountList>([&](yv_account_list **out, yv_error **e) {
            return yv_client_list_accounts(c.get(), nullptr, out, e);
        });
    }
    EXPECT_EQ(sink.calls, 0) << "a successful call logs nothing at error level";
    EXPECT_EQ(sink.frees, 0);
    ASSERT_EQ(yv_options_set_log_callback(o.get(), nullptr, nullptr, nullptr, nullptr), YV_OK);
    EXPECT_EQ(sink.frees, 1) << "replacing the callback releases the old user_data";
}

}  // namespace

namespace {

// A log callback that ends its thread, as a Python daemon thread logging during interpreter
// shutdown does: pthread_exit unwinds the thread with abi::__forced_unwind, which every frame of
// ours must let through (swallowing it makes glibc abort the process).
struct Exiting {
    std::string when;  // the first line containing this ends the thread
    std::atomic<bool> exited{false};
};

yv_status exit_thread_on(yv_log_level, const char *message, size_t, void *user_data) {
    auto *e = static_cast<Exiting *>(user_data);
    if (std::strstr(message, e->when.c_str())) {
        e->exited = true;
        pthread_exit(nullptr);
    }
    return YV_OK;
}

struct Job {
    yv_client *client;
    bool returned = false;
};

void *list_accounts(void *arg) {
    auto *job = static_cast<Job *>(arg);
    yv_account_list *out = nullptr;
    yv_client_list_accounts(job->client, nullptr, &out, nullptr);
    yv_account_list_free(out);
    job->returned = true;
    return nullptr;
}

}  // namespace

TEST(CapiLogging, ACallbackEndingItsThreadUnwindsIt) {
    yvtest::SandboxProcess sb(sandbox_flags());
    auto session = session_options(sb);
    auto admin = make_client(session.get());
    auto key = create_key(admin.get(), "unwound", {"read"});
    ASSERT_TRUE(key);
    // In the call's retry loop (through the C guard), and in the token cache's deferred lines.
    for (const char *when : {"attempt 1", "token exchanged"}) {
        Exiting exiting;
        exiting.when = when;
        auto o = sandbox_options(sb.base_url());
        ASSERT_EQ(yv_options_set_api_key(o.get(), yv_api_key_api_key(key.get()), nullptr), YV_OK);
        ASSERT_EQ(yv_options_set_api_secret(o.get(), yv_api_key_api_secret(key.get()), nullptr),
                  YV_OK);
        ASSERT_EQ(yv_options_set_log_level(o.get(), YV_LOG_DEBUG, nullptr), YV_OK);
        ASSERT_EQ(yv_options_set_log_callback(o.get(), exit_thread_on, &exiting, nullptr, nullptr),
                  YV_OK);
        auto client = make_client(o.get());
        Job job{client.get()};
        pthread_t thread;
        ASSERT_EQ(pthread_create(&thread, nullptr, list_accounts, &job), 0);
        ASSERT_EQ(pthread_join(thread, nullptr), 0);
        EXPECT_TRUE(exiting.exited) << when;
        EXPECT_FALSE(job.returned) << when;  // the thread ended inside the call
        // The client is still usable from another thread.
        yv_account_list *out = nullptr;
        exiting.when = "no such line";
        EXPECT_EQ(yv_client_list_accounts(client.get(), nullptr, &out, nullptr), YV_OK) << when;
        yv_account_list_free(out);
    }
}
