// The cards, swap and IBAN groups of the core against a sandbox: a card frozen with 2FA and
// voided, then refused; a swap quote executed once under its key with exact balances; the IBAN
// onboarding's order.
#include <gtest/gtest.h>

#include <regex>

#include "itest.hpp"

namespace {

using itest::code_of;
using yativo::Status;

TEST(Cards, FreezeNeeds2FAAndAVoidedCardRefuses) {
    SandboxProcess sb({"--totp-period", "2", "--card-kyc-delay", "0"});
    yativo::Client c(itest::session_options(sb));
    yativo::CardAccount account = c.cards_onboard("ada@example.com", "Ada", "Lovelace");
    ASSERT_FALSE(account.id.empty());
    EXPECT_EQ(account.kyc_status, "pending");
    EXPECT_EQ(c.cards_get_kyc_status().kyc_status, "approved");  // at the next request
    c.cards_accept_terms();
    c.cards_deploy_safe();
    yativo::Card card = c.cards_create("", "travel", "250.000000000000000001", "monthly");
    EXPECT_EQ(card.status, "active");
    EXPECT_EQ(card.yativo_card_id, account.id);
    EXPECT_EQ(card.raw.value()["spending_limit"]["amount"].GetString(),
              std::string("250.000000000000000001"));

    // A client without a TOTP source and a wrong code: refused, the card stays active.
    auto bare = itest::options_for(sb);
    bare.auth = yativo::AuthMode::Bearer;
    bare.access_token = yativo::Secret(sb.session_token());
    yativo::Client no_totp(bare);
    yativo::CallOptions wrong;
    wrong.totp_code = yativo::Secret("000000");
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { no_totp.cards_freeze(card.id, wrong); }, &e),
              Status::TWO_FACTOR_REQUIRED);
    EXPECT_EQ(e.http_status, 401);
    EXPECT_EQ(code_of([&] { no_totp.cards_freeze(card.id); }), Status::TWO_FACTOR_REQUIRED);
    EXPECT_EQ(c.cards_list().at(0).status, "active");

    EXPECT_EQ(c.cards_freeze(card.id).status, "frozen");
    EXPECT_EQ(code_of([&] { c.cards_request_pin_otp(card.id); }, &e), Status::VALIDATION);
    EXPECT_EQ(e.error_code, "card_not_active");
    EXPECT_EQ(c.cards_unfreeze(card.id).status, "active");
    EXPECT_EQ(c.cards_void(card.id).status, "voided");
    for (auto refused : std::vector<std::function<void()>>{[&] { c.cards_freeze(card.id); },
                                                           [&] { c.cards_void(card.id); }}) {
        EXPECT_EQ(code_of(refused, &e), Status::VALIDATION);
        EXPECT_EQ(e.http_status, 422);
        EXPECT_EQ(e.error_code, "card_not_active");
    }
    EXPECT_EQ(code_of([&] { c.cards_freeze("crd_000000000000000000000000"); }), Status::NOT_FOUND);

    // Limits are exact text both ways; a bad amount is refused before any I/O.
    auto limits = c.cards_set_daily_spending_limit(account.id, "1234.567890123456789");
    EXPECT_EQ(limits.daily_limit, "1234.567890123456789");
    EXPECT_EQ(code_of([&] { c.cards_set_daily_spending_limit(account.id, "1e3"); }),
              Status::INVALID_ARGUMENT);
    EXPECT_EQ(c.cards_get_spending_limits(account.id).daily_limit, "1234.567890123456789");
}

TEST(Swap, QuoteExecutedOnceUnderItsKeyWithExactBalances) {
    SandboxProcess sb({"--totp-period", "2"});
    yativo::Client c(itest::session_options(sb));
    auto [account, usdc] = itest::funded_asset(c, sb, "100");
    std::string eth = c.add_asset(account, "ethereum", "ETH").id;
    yativo::SwapQuote q = c.swap_get_quote(R"({"from_asset_id":")" + usdc + R"(","to_asset_id":")" +
                                           eth + R"(","amount":"10"})");
    EXPECT_EQ(q.to_amount, "0.0032967");  // (10 - 0.1% fee) x 0.00033, exactly
    EXPECT_EQ(q.from_asset_id, usdc);
    std::string body = R"({"quote_id":")" + q.id + R"("})";

    yativo::SwapExecution generated;
    yativo::Error e(Status::OK, "");
    yativo::CallOptions keyed;
    keyed.idempotency_key = "swap-order-1";
    yativo::SwapExecution first = c.swap_execute(body, keyed);
    yativo::SwapExecution again = c.swap_execute(body, keyed);
    EXPECT_EQ(first.idempotency_key, "swap-order-1");
    EXPECT_EQ(again.id, first.id);
    EXPECT_EQ(first.from_amount, "10");
    EXPECT_EQ(first.to_amount, "0.0032967");
    EXPECT_EQ(c.check_balance(usdc).balance, "90");
    EXPECT_EQ(c.check_balance(eth).balance, "0.0032967");

    // A new key cannot execute it twice; the generated key comes back with the error.
    EXPECT_EQ(code_of([&] { generated = c.swap_execute(body); }, &e), Status::CONFLICT);
    EXPECT_EQ(e.error_code, "conflict");
    EXPECT_TRUE(std::regex_match(e.idempotency_key, std::regex("[0-9a-f-]{36}")));
    EXPECT_EQ(c.check_balance(usdc).balance, "90");
    EXPECT_EQ(code_of([&] { c.swap_execute("[1]"); }), Status::INVALID_ARGUMENT);
}

TEST(Iban, OnboardingStepsInOrder) {
    SandboxProcess sb({"--totp-period", "2"});
    yativo::Client c(itest::session_options(sb));
    yativo::IbanStatus started = c.iban_initialize("ada@example.com");
    EXPECT_EQ(started.status, "initialized");
    EXPECT_EQ(started.email, "ada@example.com");
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { c.iban_request(); }, &e), Status::CONFLICT);
    EXPECT_EQ(e.error_code, "invalid_state");
    EXPECT_EQ(code_of([&] { c.iban_initialize("ada@example.com"); }), Status::CONFLICT);
}

}  // namespace
