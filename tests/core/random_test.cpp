// Early in boot the kernel's random pool may not be ready and OpenSSL's generator can fail. The
// idempotency key of a money-moving call must then fail the call before anything is sent, never
// fall back to a weak key; a key the caller supplies needs no randomness at all.
// OpenSSL's own seam is used (a RAND_METHOD whose bytes() fails, as a failed seed makes
// RAND_bytes return 0): deprecated in OpenSSL 3 but still honoured by RAND_bytes.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/rand.h>

#include <gtest/gtest.h>

#include "fakes.hpp"

using yativo::Status;
using yvtest::ends_with;

namespace {

int failing_bytes(unsigned char *, int) {
    return 0;
}
int failing_status() {
    return 0;
}
// {seed, bytes, cleanup, add, pseudorand, status}
const RAND_METHOD kFailingRandom = {nullptr, failing_bytes, nullptr,
                                    nullptr, failing_bytes, failing_status};

class RandomFails : public ::testing::Test {
  protected:
    void SetUp() override {
        saved_ = RAND_get_rand_method();
        ASSERT_EQ(RAND_set_rand_method(&kFailingRandom), 1);
        unsigned char probe[4];
        ASSERT_NE(RAND_bytes(probe, sizeof probe), 1) << "the failing generator is not in use";
    }
    void TearDown() override { RAND_set_rand_method(saved_); }
    const RAND_METHOD *saved_ = nullptr;
};

yativo::SendFunds transfer() {
    yativo::SendFunds s;
    s.account = "acc_1";
    s.assets = "asset_1";
    s.receiving_address = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T";
    s.amount = "1";
    s.type = "USDC";
    s.chain = "solana";
    s.category = "transfer";
    return s;
}

yvtest::FakeTransport::Handler transfers_ok() {
    return yvtest::with_tokens(
        [](const yvtest::Seen &, int) { return yvtest::ok_data(R"({"transaction_id":"tx_1"})"); });
}

}  // namespace

TEST_F(RandomFails, GeneratedIdempotencyKeyFailsTheCallBeforeAnySend) {
    auto h = yvtest::make(transfers_ok());
    try {
        h.client->send_funds(transfer());
        FAIL() << "send_funds went ahead without a random idempotency key";
    } catch (const yativo::Error &e) {
        EXPECT_EQ(e.code(), Status::INTERNAL);
        EXPECT_NE(e.message().find("random"), std::string::npos) << e.message();
        EXPECT_FALSE(e.outcome_unknown);
    }
    EXPECT_EQ(h.transport->count("/send-funds"), 0);
    EXPECT_THROW(yativo::new_idempotency_key(), yativo::Error);
}

TEST_F(RandomFails, CallersOwnIdempotencyKeyNeedsNoRandomness) {
    auto h = yvtest::make(transfers_ok());
    yativo::CallOptions call;
    call.idempotency_key = "gateway-boot-0001";
    EXPECT_NO_THROW(h.client->send_funds(transfer(), call));
    auto seen = h.transport->seen();
    ASSERT_EQ(h.transport->count("/send-funds"), 1);
    EXPECT_EQ(seen.back().idempotency_key, "gateway-boot-0001");
}

// Control: with OpenSSL's generator back, the same call generates a key and goes out.
TEST(RandomWorks, GeneratedIdempotencyKeyIsAUuid4) {
    auto h = yvtest::make(transfers_ok());
    EXPECT_NO_THROW(h.client->send_funds(transfer()));
    auto seen = h.transport->seen();
    ASSERT_EQ(h.transport->count("/send-funds"), 1);
    EXPECT_EQ(seen.back().idempotency_key.size(), 36u);
    EXPECT_EQ(seen.back().idempotency_key[14], '4');
}
