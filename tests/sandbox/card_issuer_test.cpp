// The card-issuer program (/card-issuer): apply and status, wallets, fund-customer (exact
// balances, Idempotency-Key replays move value once), deposits and their manual funding (once),
// funding addresses, paging and filters.
#include <regex>

#include "util.hpp"

namespace sbt {
namespace {

HttpResult ctl(SandboxProcess &sb, const std::string &path, const std::string &body) {
    return http_call("POST", sb.root_url() + path, {"Content-Type: application/json"}, body);
}

std::string err(const HttpResult &r) {
    auto doc = parse(r.body);
    return doc.HasMember("error") && doc["error"].IsString() ? doc["error"].GetString() : "";
}

std::string customer(SandboxProcess &sb, const std::string &email) {
    auto r = ctl(sb, "/__sandbox/cards/customer",
                 R"({"email":")" + email + R"(","name":"Some Customer"})");
    EXPECT_EQ(r.status, 201) << r.body;
    return data_str(r, "customer_id");
}

void apply(Client &c) {
    auto r = c.call("POST", "/card-issuer/apply",
                    R"({"funding_structure":"master_wallet","iban_enabled":true})");
    ASSERT_EQ(r.status, 201) << r.body;
}

std::string wallet_balance(Client &c, const std::string &chain) {
    auto doc = parse(c.call("GET", "/card-issuer/wallets").body);
    for (const auto &w : doc["data"].GetArray())
        if (str(w, "chain") == chain) return str(w, "balance");
    return "?";
}

std::string card_balance(Client &c, const std::string &customer_id) {
    auto r = c.call("GET", "/card-issuer/customers/" + customer_id + "/wallets");
    EXPECT_EQ(r.status, 200) << r.body;
    return str(parse(r.body)["data"]["card_wallet"], "balance");
}

HttpResult deposit(SandboxProcess &sb, const std::string &chain, const std::string &amount,
                   const std::string &customer_id = "") {
    std::string body = R"({"chain":")" + chain + R"(","amount":")" + amount + "\"";
    if (!customer_id.empty()) body += R"(,"customer_id":")" + customer_id + "\"";
    return ctl(sb, "/__sandbox/card-issuer/deposit", body + "}");
}

TEST(CardIssuer, ApplyStatusAndWallets) {
    SandboxProcess sb;
    Client c(sb);
    auto before = c.call("GET", "/card-issuer/status");
    ASSERT_EQ(before.status, 200);
    EXPECT_EQ(data_str(before, "status"), "not_applied");
    EXPECT_EQ(c.call("GET", "/card-issuer/wallets").status, 409);
    EXPECT_EQ(c.call("GET", "/card-issuer/deposits").status, 409);
    auto bad = c.call("POST", "/card-issuer/apply",
                      R"({"funding_structure":"pyramid","iban_enabled":"yes"})");
    ASSERT_EQ(bad.status, 400);
    EXPECT_TRUE(parse(bad.body)["details"].HasMember("funding_structure"));
    EXPECT_TRUE(parse(bad.body)["details"].HasMember("iban_enabled"));
    apply(c);
    EXPECT_EQ(
        c.call("POST", "/card-issuer/apply", R"({"funding_structure":"master_wallet"})").status,
        409);
    auto st = c.call("GET", "/card-issuer/status");
    EXPECT_EQ(data_str(st, "status"), "approved");
    EXPECT_EQ(data_str(st, "funding_structure"), "master_wallet");
    EXPECT_TRUE(parse(st.body)["data"]["iban_enabled"].IsTrue());
    auto wallets = parse(c.call("GET", "/card-issuer/wallets").body);
    ASSERT_EQ(wallets["data"].Size(), 2u);
    for (const auto &w : wallets["data"].GetArray()) {
        EXPECT_EQ(str(w, "balance"), "10000");  // the sandbox's starting float
        if (str(w, "chain") == "SOL")
            EXPECT_TRUE(
                std::regex_match(str(w, "address"), std::regex("[1-9A-HJ-NP-Za-km-z]{32,44}")));
        else
            EXPECT_TRUE(std::regex_match(str(w, "address"), std::regex("xdc[0-9a-f]{40}")));
    }
    // Master mode: the funding addresses without a customer are the wallets'.
    auto addrs = parse(c.call("GET", "/card-issuer/funding-addresses").body);
    EXPECT_EQ(str(addrs["data"], "SOL"), str(wallets["data"][0], "address"));
}

TEST(CardIssuer, FundCustomerIsExactAndMovesOncePerIdempotencyKey) {
    SandboxProcess sb;
    Client c(sb);
    std::string cid = customer(sb, "carol@example.com");
    // Without a program nothing moves.
    EXPECT_EQ(c.call("POST", "/card-issuer/fund-customer",
                     R"({"customer_id":")" + cid + R"(","amount":"1","source_chain":"SOL"})")
                  .status,
              409);
    apply(c);
    ASSERT_EQ(deposit(sb, "SOL", "250.123456789012345678").status, 201);
    EXPECT_EQ(wallet_balance(c, "SOL"), "10250.123456789012345678");

    auto bad = c.call("POST", "/card-issuer/fund-customer",
                      R"({"customer_id":")" + cid +
                          R"(","amount":1e2,"source_chain":"ETH","pricing_mode":"both"})");
    ASSERT_EQ(bad.status, 400);
    auto bdoc = parse(bad.body);
    EXPECT_TRUE(bdoc["details"].HasMember("amount"));
    EXPECT_TRUE(bdoc["details"].HasMember("source_chain"));
    EXPECT_TRUE(bdoc["details"].HasMember("pricing_mode"));
    EXPECT_EQ(
        c.call(
             "POST", "/card-issuer/fund-customer",
             R"({"customer_id":"cus_000000000000000000000000","amount":"1","source_chain":"SOL"})")
            .status,
        404);

    const std::string body =
        R"({"customer_id":")" + cid + R"(","amount":100.000000000000000001,"source_chain":"SOL"})";
    auto first = c.call("POST", "/card-issuer/fund-customer", body, {"Idempotency-Key: fund-1"});
    ASSERT_EQ(first.status, 201) << first.body;
    EXPECT_EQ(data_str(first, "credited"), "99.500000000000000001");  // send_x: fee 0.5 off
    EXPECT_EQ(data_str(first, "debited"), "100.000000000000000001");
    EXPECT_EQ(data_str(first, "pricing_mode"), "send_x");
    EXPECT_EQ(wallet_balance(c, "SOL"), "10150.123456789012345677");
    EXPECT_EQ(card_balance(c, cid), "99.500000000000000001");

    auto replay = c.call("POST", "/card-issuer/fund-customer", body, {"Idempotency-Key: fund-1"});
    EXPECT_EQ(replay.status, 201);
    EXPECT_EQ(replay.body, first.body);
    EXPECT_EQ(wallet_balance(c, "SOL"), "10150.123456789012345677");
    EXPECT_EQ(card_balance(c, cid), "99.500000000000000001");
    auto other = c.call("POST", "/card-issuer/fund-customer",
                        R"({"customer_id":")" + cid + R"(","amount":"1","source_chain":"SOL"})",
                        {"Idempotency-Key: fund-1"});
    EXPECT_EQ(other.status, 409);
    EXPECT_EQ(str(parse(other.body), "existing_transaction_id"), data_str(first, "funding_id"));

    // receive_x: the customer gets the amount, the wallet pays the fee on top.
    auto rx = c.call("POST", "/card-issuer/fund-customer",
                     R"({"customer_id":")" + cid +
                         R"(","amount":"10","source_chain":"sol","pricing_mode":"receive_x"})");
    ASSERT_EQ(rx.status, 201) << rx.body;
    EXPECT_EQ(data_str(rx, "debited"), "10.5");
    EXPECT_EQ(wallet_balance(c, "SOL"), "10139.623456789012345677");
    EXPECT_EQ(card_balance(c, cid), "109.500000000000000001");

    // More than the wallet holds: refused, nothing moves.
    auto poor =
        c.call("POST", "/card-issuer/fund-customer",
               R"({"customer_id":")" + cid + R"(","amount":"10139.7","source_chain":"SOL"})");
    EXPECT_EQ(poor.status, 422);
    EXPECT_EQ(err(poor), "insufficient_balance");
    EXPECT_EQ(c.call("POST", "/card-issuer/fund-customer",
                     R"({"customer_id":")" + cid + R"(","amount":"100000","source_chain":"XDC"})")
                  .status,
              422);
    EXPECT_EQ(wallet_balance(c, "XDC"), "10000");
    EXPECT_EQ(wallet_balance(c, "SOL"), "10139.623456789012345677");
    EXPECT_EQ(card_balance(c, cid), "109.500000000000000001");

    // The customer's card account sees the money too.
    auto listed = parse(c.call("GET", "/card-issuer/customers").body);
    ASSERT_EQ(listed["data"].Size(), 1u);
    EXPECT_EQ(str(listed["data"][0], "card_balance"), "109.500000000000000001");
    std::string ycid = str(listed["data"][0], "yativo_card_id");
    EXPECT_EQ(data_str(c.call("GET", "/yativo-card/" + ycid + "/wallet"), "balance"),
              "109.500000000000000001");

    // Moving value needs the transactions scope.
    Creds writer = c.create_key(R"(["read","write"])");
    EXPECT_EQ(c.keyed(writer, "POST", "/card-issuer/fund-customer",
                      R"({"customer_id":")" + cid + R"(","amount":"1","source_chain":"SOL"})")
                  .status,
              403);
    EXPECT_EQ(wallet_balance(c, "SOL"), "10139.623456789012345677");
}

TEST(CardIssuer, ADepositIsFundedManuallyOnce) {
    SandboxProcess sb;
    Client c(sb);
    std::string cid = customer(sb, "dave@example.com");
    apply(c);
    auto d = deposit(sb, "XDC", "50.000000000000000005", cid);
    ASSERT_EQ(d.status, 201) << d.body;
    std::string dep = data_str(d, "deposit_id");
    EXPECT_EQ(data_str(d, "status"), "awaiting_manual");
    EXPECT_TRUE(std::regex_match(data_str(d, "address"), std::regex("xdc[0-9a-f]{40}")));
    EXPECT_EQ(wallet_balance(c, "XDC"), "10000");  // held for the customer, not in the wallet
    auto waiting = parse(c.call("GET", "/card-issuer/deposits?status=awaiting_manual").body);
    ASSERT_EQ(waiting["data"].Size(), 1u);

    EXPECT_EQ(c.call("POST", "/card-issuer/deposits/dep_000000000000000000000000/fund").status,
              404);
    auto funded = c.call("POST", "/card-issuer/deposits/" + dep + "/fund",
                         R"({"destination_token":"USDC"})", {"Idempotency-Key: dep-1"});
    ASSERT_EQ(funded.status, 201) << funded.body;
    EXPECT_EQ(data_str(funded, "status"), "funded");
    EXPECT_EQ(str(parse(funded.body)["funding"], "credited"), "49.900000000000000005");
    EXPECT_EQ(card_balance(c, cid), "49.900000000000000005");
    auto replay = c.call("POST", "/card-issuer/deposits/" + dep + "/fund",
                         R"({"destination_token":"USDC"})", {"Idempotency-Key: dep-1"});
    EXPECT_EQ(replay.status, 201);
    EXPECT_EQ(replay.body, funded.body);
    auto again = c.call("POST", "/card-issuer/deposits/" + dep + "/fund");
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(err(again), "deposit_not_fundable");
    EXPECT_EQ(card_balance(c, cid), "49.900000000000000005");

    // An XDC deposit to the master wallet waits too; funding puts it in the wallet, once.
    auto master = deposit(sb, "XDC", "7.000000000000000001");
    EXPECT_EQ(data_str(master, "status"), "awaiting_manual");
    EXPECT_EQ(wallet_balance(c, "XDC"), "10000");
    std::string mid = data_str(master, "deposit_id");
    auto into = c.call("POST", "/card-issuer/deposits/" + mid + "/fund");
    ASSERT_EQ(into.status, 201) << into.body;
    EXPECT_EQ(data_str(into, "status"), "funded");
    EXPECT_EQ(wallet_balance(c, "XDC"), "10007.000000000000000001");
    EXPECT_EQ(c.call("POST", "/card-issuer/deposits/" + mid + "/fund").status, 409);
    EXPECT_EQ(wallet_balance(c, "XDC"), "10007.000000000000000001");
    // A SOL deposit to the master wallet lands at once.
    EXPECT_EQ(data_str(deposit(sb, "SOL", "3"), "status"), "funded");
    EXPECT_EQ(wallet_balance(c, "SOL"), "10003");

    auto history = parse(c.call("GET", "/card-issuer/funding-history").body);
    ASSERT_EQ(history["data"].Size(), 1u);
    EXPECT_EQ(str(history["data"][0], "source"), "deposit");
    EXPECT_EQ(str(history["data"][0], "deposit_id"), dep);
}

TEST(CardIssuer, PagingAndFilters) {
    SandboxProcess sb;
    Client c(sb);
    apply(c);
    std::vector<std::string> cids;
    for (const char *e : {"a@example.com", "b@example.com", "c@example.com"})
        cids.push_back(customer(sb, e));
    ASSERT_EQ(deposit(sb, "SOL", "1000").status, 201);
    for (int i = 0; i < 3; ++i) ASSERT_EQ(deposit(sb, "XDC", "5", cids[i]).status, 201);
    ASSERT_EQ(deposit(sb, "SOL", "6", cids[0]).status, 201);

    auto p1 = parse(c.call("GET", "/card-issuer/deposits?page=1&limit=2").body);
    EXPECT_EQ(p1["data"].Size(), 2u);
    EXPECT_EQ(p1["pagination"]["total"].GetInt(), 5);
    EXPECT_EQ(p1["pagination"]["pages"].GetInt(), 3);
    EXPECT_EQ(str(p1["data"][0], "amount"), "6");  // newest first
    auto p3 = parse(c.call("GET", "/card-issuer/deposits?page=3&limit=2").body);
    ASSERT_EQ(p3["data"].Size(), 1u);
    EXPECT_EQ(str(p3["data"][0], "amount"), "1000");
    EXPECT_EQ(parse(c.call("GET", "/card-issuer/deposits?chain=XDC").body)["data"].Size(), 3u);
    EXPECT_EQ(
        parse(c.call("GET", "/card-issuer/deposits?chain=SOL&status=pending").body)["data"].Size(),
        1u);
    EXPECT_EQ(parse(c.call("GET", "/card-issuer/deposits?status=funded").body)["data"].Size(), 1u);
    EXPECT_EQ(c.call("GET", "/card-issuer/deposits?limit=101").status, 400);
    EXPECT_EQ(c.call("GET", "/card-issuer/deposits?status=lost").status, 400);
    EXPECT_EQ(c.call("GET", "/card-issuer/deposits?chain=BTC").status, 400);
    EXPECT_EQ(c.call("GET", "/card-issuer/deposits?page=0").status, 400);

    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(
            c.call("POST", "/card-issuer/fund-customer",
                   R"({"customer_id":")" + cids[i] + R"(","amount":"2","source_chain":"SOL"})")
                .status,
            201);
    auto xdc = parse(c.call("GET", "/card-issuer/deposits?chain=XDC").body);
    ASSERT_EQ(c.call("POST", "/card-issuer/deposits/" + str(xdc["data"][0], "deposit_id") + "/fund")
                  .status,
              201);
    auto h = parse(c.call("GET", "/card-issuer/funding-history?limit=10").body);
    EXPECT_EQ(h["data"].Size(), 4u);
    EXPECT_EQ(parse(c.call("GET", "/card-issuer/funding-history?chain=XDC").body)["data"].Size(),
              1u);
    auto mine = parse(
        c.call("GET", "/card-issuer/funding-history?customer_id=" + cids[0] + "&page=1&limit=1")
            .body);
    EXPECT_EQ(mine["data"].Size(), 1u);
    EXPECT_EQ(mine["pagination"]["total"].GetInt(), 1);
    EXPECT_EQ(
        parse(c.call("GET", "/card-issuer/funding-history?status=failed").body)["data"].Size(), 0u);
    EXPECT_EQ(c.call("GET", "/card-issuer/funding-history?status=odd").status, 400);

    auto cp = parse(c.call("GET", "/card-issuer/customers?page=2&limit=2").body);
    ASSERT_EQ(cp["data"].Size(), 1u);
    EXPECT_EQ(str(cp["data"][0], "customer_id"), cids[2]);
    EXPECT_EQ(cp["pagination"]["total"].GetInt(), 3);

    // Customer funding addresses: stable per customer, distinct between customers.
    auto a0 = parse(c.call("GET", "/card-issuer/funding-addresses?customer_id=" + cids[0]).body);
    auto a0b = parse(c.call("GET", "/card-issuer/funding-addresses?customer_id=" + cids[0]).body);
    auto a1 = parse(c.call("GET", "/card-issuer/funding-addresses?customer_id=" + cids[1]).body);
    EXPECT_EQ(str(a0["data"], "XDC"), str(a0b["data"], "XDC"));
    EXPECT_NE(str(a0["data"], "XDC"), str(a1["data"], "XDC"));
    EXPECT_EQ(str(a0["data"], "XDC"), str(xdc["data"][2], "address"));
    EXPECT_EQ(
        c.call("GET", "/card-issuer/funding-addresses?customer_id=cus_000000000000000000000000")
            .status,
        404);
    auto cw = parse(c.call("GET", "/card-issuer/customers/" + cids[1] + "/wallets").body);
    EXPECT_EQ(str(cw["data"]["card_wallet"], "balance"), "1.5");
    EXPECT_EQ(c.call("GET", "/card-issuer/customers/cus_000000000000000000000000/wallets").status,
              404);
}

}  // namespace
}  // namespace sbt
