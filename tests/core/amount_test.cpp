#include <gtest/gtest.h>

#include "fakes.hpp"
#include "yativo/amount.hpp"
#include "yativo/status.hpp"

using yativo::Status;

TEST(Amount, AcceptsPlainPositiveDecimals) {
    for (const char *ok : {"1", "10", "0.1", "10.5", "0.000000000000000001",
                           "123456789012345678901234567890", "1.123456789012345678"})
        EXPECT_EQ(yativo::validate_amount(ok), ok) << ok;
}

TEST(Amount, RejectsEverythingElse) {
    for (const char *bad :
         {"",     "0",    "0.0", "00.1", "01",  ".5",  "5.",  "-1",   "+1",
          "1e5",  "1E5",  " 1",  "1 ",   "1,5", "NaN", "inf", "0x10", "1.1234567890123456789",
          "1..2", "1.2.3"}) {
        try {
            yativo::validate_amount(bad);
            ADD_FAILURE() << "accepted " << bad;
        } catch (const yativo::Error &e) {
            EXPECT_EQ(e.code(), Status::INVALID_ARGUMENT) << bad;
            EXPECT_NE(e.message().find("amount"), std::string::npos);
        }
    }
    // fuzz/corpus/amount/too_many_digits: 400 digits parsed as a JSON number nowhere.
    EXPECT_NO_THROW(yativo::validate_amount(std::string(78, '9') + ".5"));
    EXPECT_THROW(yativo::validate_amount(std::string(79, '9')), yativo::Error);
    EXPECT_THROW(yativo::validate_amount("1" + std::string(399, '0')), yativo::Error);
}

// The amount leaves as a JSON number with exactly the digits given, and amounts in answers come
// back as the exact text: nothing passes through a double.
TEST(Amount, RoundTripsExactlyThroughSendFunds) {
    std::string sent_body;
    auto h = yvtest::make(yvtest::with_tokens([&](const yvtest::Seen &s, int) {
        sent_body = s.body;
        return yvtest::ok_data(
            "{\"transaction_id\":\"tx_1\",\"amount\":0.1,\"fee\":0.000000000000000001,"
            "\"balance_after\":123456789.123456789012345678}");
    }));
    for (const char *amount : {"0.1", "0.123456789012345678", "100000000000000000000.5"}) {
        yativo::SendFunds s;
        s.account = "acc_1";
        s.assets = "asset_1";
        s.receiving_address = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T";
        s.amount = amount;
        s.type = "USDC";
        s.chain = "solana";
        s.category = "transfer";
        auto r = h.client->send_funds(s);
        EXPECT_NE(sent_body.find(std::string("\"amount\":") + amount + ","), std::string::npos)
            << sent_body;
        EXPECT_EQ(r.amount, "0.1");
        EXPECT_EQ(r.fee, "0.000000000000000001");
        EXPECT_EQ(r.balance_after, "123456789.123456789012345678");
    }
}

TEST(Amount, SendFundsValidatesBeforeAnyIo) {
    auto h = yvtest::make([](const yvtest::Seen &, int) { return yvtest::ok_data("{}"); });
    yativo::SendFunds s;
    s.account = "acc_1";
    s.assets = "asset_1";
    s.receiving_address = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T";
    s.amount = "1.5";
    s.type = "USDC";
    s.chain = "solana";
    s.category = "transfer";
    auto expect_invalid = [&](yativo::SendFunds bad) {
        try {
            h.client->send_funds(bad);
            ADD_FAILURE() << "no error";
        } catch (const yativo::Error &e) {
            EXPECT_EQ(e.code(), Status::INVALID_ARGUMENT);
        }
    };
    auto bad = s;
    bad.amount = "1e3";
    expect_invalid(bad);
    bad = s;
    bad.receiving_address = "0x1234";  // not base58 of 32 bytes
    expect_invalid(bad);
    bad = s;
    bad.receiving_address = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB";  // too short
    expect_invalid(bad);
    bad = s;
    bad.priority = "urgent";
    expect_invalid(bad);
    bad = s;
    bad.chain = "ethereum";
    bad.receiving_address = "0xZZ";
    expect_invalid(bad);
    bad = s;
    bad.account = "";
    expect_invalid(bad);
    EXPECT_TRUE(h.transport->seen().empty());
}
