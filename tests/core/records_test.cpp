// The generated record decoders (api/endpoints.toml [[record]]): every documented shape of an
// answer, typed fields read leniently, and what happens when an answer is not a record at all.
#include <gtest/gtest.h>

#include "fakes.hpp"
#include "yativo/status.hpp"

using yativo::Status;

namespace {

// A client whose every non-token request is answered with `body` (status 200).
yvtest::Harness answering(const std::string &body) {
    return yvtest::make(yvtest::with_tokens(
        [body](const yvtest::Seen &, int) { return yvtest::respond(200, body); }));
}

yativo::SendFunds a_send() {
    yativo::SendFunds s;
    s.account = "acc_1";
    s.assets = "asset_1";
    s.receiving_address = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T";
    s.amount = "5";
    s.type = "USDC";
    s.chain = "solana";
    s.category = "transfer";
    return s;
}

Status code_of(const std::function<void()> &f, yativo::Error *out = nullptr) {
    try {
        f();
    } catch (const yativo::Error &e) {
        if (out) *out = e;
        return e.code();
    }
    return Status::OK;
}

}  // namespace

// The API reference's list: `_id`, a string count, a number and camelCase dates.
TEST(Records, AccountListOfTheReferenceShape) {
    auto h = answering(R"({"data":[{"_id":"acc_1","account_name":"Ops","user_id":"u1","assets":"3",
        "account_value":0.3,"createdAt":"2026-01-01T00:00:00Z"}],"status":true,"message":"ok"})");
    auto list = h.client->list_accounts();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].id, "acc_1");
    EXPECT_EQ(list[0].name, "Ops");
    EXPECT_EQ(list[0].assets, std::optional<std::int64_t>(3));
    EXPECT_EQ(list[0].created_at, "2026-01-01T00:00:00Z");
    EXPECT_TRUE(list[0].type.empty());
    // What the record does not name stays in raw, numbers as their exact text.
    EXPECT_EQ(list[0].raw.get_string("account_value"), "0.3");
    EXPECT_EQ(list[0].raw.envelope().get_string("message"), "ok");
}

// The narrative page's list: {accounts: [...]} with `id` and `asset_count` as a JSON number.
TEST(Records, AccountListInsideAnObject) {
    auto h = answering(R"({"accounts":[{"id":"acc_2","account_name":"B","asset_count":12}]})");
    auto list = h.client->list_accounts();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].id, "acc_2");
    EXPECT_EQ(list[0].assets, std::optional<std::int64_t>(12));
}

TEST(Records, ValuesThatDoNotFitTheirTypeReadAsAbsent) {
    auto h = answering(R"({"data":[{"account_id":"acc_1","assets":"many"},
        {"account_id":"acc_2","assets":"1.5"},{"account_id":"acc_3","assets":null}]})");
    for (const auto &a : h.client->list_accounts()) EXPECT_FALSE(a.assets) << a.id;

    auto b =
        answering(R"({"data":{"balance":"N/A","amount":"12.50","balance_usd":"","ticker":7}})");
    yativo::Balance bal = b.client->check_balance("ast_1");
    EXPECT_EQ(bal.balance, "12.50");  // the first key that fits
    EXPECT_TRUE(bal.balance_usd.empty());
    EXPECT_EQ(bal.ticker, "7");  // a number is text too
    EXPECT_EQ(bal.raw.get_string("balance"), "N/A");
}

TEST(Records, DecimalsKeepEveryDigit) {
    auto h = answering(
        R"({"data":{"asset_id":"a","balance":123456789012345678901234567890.123456789012345678,
        "balance_usd":"1e-7","last_updated":"t"}})");
    yativo::Balance bal = h.client->check_balance("a");
    EXPECT_EQ(bal.balance, "123456789012345678901234567890.123456789012345678");
    EXPECT_EQ(bal.balance_usd, "1e-7");
    EXPECT_EQ(bal.updated_at, "t");
}

TEST(Records, AWrappedRecordIsUnwrapped) {
    auto h = answering(R"({"success":true,"data":{"account":{"account_id":"acc_9"}}})");
    EXPECT_EQ(h.client->create_account("x").id, "acc_9");
}

TEST(Records, AMissingRequiredFieldIsProtocol) {
    auto h = answering(R"({"data":{"account_name":"no id"}})");
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { h.client->create_account("x"); }, &e), Status::PROTOCOL);
    EXPECT_EQ(e.message(), "account answer has no id (account_id, _id, id)");

    auto list = answering(R"({"data":[{"account_id":"a"},"not an object"]})");
    EXPECT_EQ(code_of([&] { list.client->list_accounts(); }), Status::PROTOCOL);
    auto none = answering(R"({"data":{"nothing":[]}})");
    EXPECT_EQ(code_of([&] { none.client->list_assets(); }), Status::PROTOCOL);
}

// The decoders read each object in one pass (a slot per JSON key, RecordMembers); the answers
// below are those where a pass in document order could differ from one lookup per key.
TEST(Records, TheFirstKeyOfTheDescriptionWinsWhateverTheOrderInTheObject) {
    // Account: id reads account_id, _id, id; name reads account_name, name.
    auto h = answering(R"({"data":[{"id":"c","_id":"b","account_id":"a","name":"n2",
        "account_name":"n1"},{"id":"c","_id":"b"},{"asset_count":"2","assets":"1","id":"c"}]})");
    auto list = h.client->list_accounts();
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].id, "a");
    EXPECT_EQ(list[0].name, "n1");
    EXPECT_EQ(list[1].id, "b");
    EXPECT_EQ(list[2].assets, std::optional<std::int64_t>(1));
}

TEST(Records, ANullMemberIsAbsentAndTheNextKeyIsRead) {
    auto h = answering(R"({"data":[{"account_id":null,"_id":"b","assets":null,"asset_count":"4",
        "account_name":null}]})");
    auto list = h.client->list_accounts();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].id, "b");
    EXPECT_EQ(list[0].assets, std::optional<std::int64_t>(4));
    EXPECT_TRUE(list[0].name.empty());
}

// A name twice in one object: the first member is the one read (as RapidJSON's FindMember finds
// it), even when it is null or does not fit; the later one is never read.
TEST(Records, OfANameTwiceTheFirstMemberIsRead) {
    auto h = answering(R"({"data":[{"account_id":"a1","account_id":"a2"},
        {"account_id":null,"_id":"b","account_id":"a2"},
        {"account_id":"a","assets":"many","assets":"3","asset_count":"5"}]})");
    auto list = h.client->list_accounts();
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].id, "a1");
    EXPECT_EQ(list[1].id, "b");
    EXPECT_EQ(list[2].assets, std::optional<std::int64_t>(5));
}

// Names of an alias's length that differ in one byte, an embedded NUL or a prefix read nothing.
TEST(Records, ANameOfAKeysLengthIsNotThatKey) {
    auto h = answering(R"({"data":[{"accountXid":"x","account_iD":"y","acc\u0000unt_id":"z",
        "id\u0000":"w","account_id_":"v","i":"u","_id":"b","nme":"n","namE":"m"}]})");
    auto list = h.client->list_accounts();
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].id, "b");
    EXPECT_TRUE(list[0].name.empty());
    EXPECT_EQ(list[0].raw.get_string("accountXid"), "x");  // still in raw
}

// Every field type through the one-pass reader: string lists, bools of either form, decimals.
TEST(Records, EveryFieldTypeReadsTheFirstKeyThatFits) {
    auto rules = answering(R"({"data":[{"rule_id":"r1","monitored_accounts":["a",true,"b",null,{}],
        "enabled":"true","percentage":"12.5","minimum_amount":"N/A","updatedAt":"u"},
        {"id":"r2","monitored_accounts":"a","enabled":1}]})");
    auto list = rules.client->list_forwarding_rules();
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].monitored_accounts, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(list[0].enabled, std::optional<bool>(true));
    EXPECT_EQ(list[0].percentage, "12.5");
    EXPECT_TRUE(list[0].minimum_amount.empty());
    EXPECT_EQ(list[0].updated_at, "u");
    EXPECT_TRUE(list[1].monitored_accounts.empty());  // not a list: absent
    EXPECT_FALSE(list[1].enabled);                    // 1 is no bool

    // CardAccount's safe_deployed reads safe_deployed, safeDeployed, wallet_deployed.
    auto kyc = answering(R"({"data":{"wallet_deployed":true,"safeDeployed":"yes",
        "termsAccepted":false,"terms_accepted":null,"kyc_status":"approved"}})");
    yativo::CardAccount account = kyc.client->cards_get_kyc_status();
    EXPECT_EQ(account.safe_deployed, std::optional<bool>(true));
    EXPECT_EQ(account.terms_accepted, std::optional<bool>(false));
    EXPECT_EQ(account.kyc_status, "approved");
}

// A transfer's answer may hold nothing the record names (S1 gives a few fee fields): the transfer
// still comes back, with the key it was sent with.
TEST(Records, TransferCarriesTheCallsKeyWhateverTheAnswer) {
    auto h = answering(R"({"status":true,"data":{"transaction_id":"txn_1","gas_tx_hash":null,
        "total_fee":"0.62000000","fee_breakdown":"N/A"}})");
    yativo::CallOptions call;
    call.idempotency_key = "order-7";
    yativo::Transfer t = h.client->send_funds(a_send(), call);
    EXPECT_EQ(t.id, "txn_1");
    EXPECT_EQ(t.fee, "0.62000000");
    EXPECT_TRUE(t.hash.empty());
    EXPECT_EQ(t.idempotency_key, "order-7");
    EXPECT_EQ(t.raw.get_string("idempotency_key"), "order-7");
    EXPECT_EQ(t.raw.get_string("fee_breakdown"), "N/A");
}

// The server acted (2xx) but its answer is no transfer: the error carries the key and says the
// outcome is unknown, so the caller repeats the call with that key instead of sending anew.
TEST(Records, UnreadableTransferAnswerKeepsTheKey) {
    auto h = answering(R"({"status":true,"data":["not","a","transfer"]})");
    yativo::Error e(Status::OK, "");
    EXPECT_EQ(code_of([&] { h.client->send_funds(a_send()); }, &e), Status::PROTOCOL);
    EXPECT_TRUE(e.outcome_unknown);
    EXPECT_EQ(e.idempotency_key.size(), 36u);
    EXPECT_EQ(h.transport->count("/transactions/send-funds"), 1);  // and it was not re-sent
}

TEST(Records, WebhookListOfEitherDialect) {
    auto w1 = answering(R"({"data":[{"id":"wh_1","url":"https://a.example/h","events":["*"]}]})");
    auto hooks = w1.client->list_webhooks();
    ASSERT_EQ(hooks.size(), 1u);
    EXPECT_EQ(hooks[0].url, "https://a.example/h");
    EXPECT_EQ(hooks[0].events, std::vector<std::string>{"*"});

    auto w2 = answering(R"({"data":{"webhooks":[{"_id":"whk_2","webhook_url":"https://b.example",
        "createdAt":"c"}],"pagination":{"total":1,"page":1,"limit":20,"pages":1}},"status":true})");
    hooks = w2.client->list_webhooks();
    ASSERT_EQ(hooks.size(), 1u);
    EXPECT_EQ(hooks[0].id, "whk_2");
    EXPECT_EQ(hooks[0].url, "https://b.example");
    EXPECT_EQ(hooks[0].created_at, "c");
}
