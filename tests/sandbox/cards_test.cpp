// Cards (/yativo-card): the onboarding order, card states (freeze needs 2FA, frozen and voided
// cards refuse use), PIN codes through the outbox, the card wallet and its limits, card
// transactions (filters, paging) and disputes, customers' cards, physical orders, webhooks, IBAN.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <regex>
#include <thread>

#include "util.hpp"

namespace sbt {
namespace {

HttpResult ctl(SandboxProcess &sb, const std::string &method, const std::string &path,
               const std::string &body = "") {
    return http_call(method, sb.root_url() + path, {"Content-Type: application/json"}, body);
}

std::string err(const HttpResult &r) {
    auto doc = parse(r.body);
    return doc.HasMember("error") && doc["error"].IsString() ? doc["error"].GetString() : "";
}

// A loopback HTTP receiver: answers 200 to every request and keeps what was POSTed.
class Receiver {
  public:
    Receiver() {
        fd_ = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        if (bind(fd_, reinterpret_cast<sockaddr *>(&addr), len) != 0 || listen(fd_, 16) != 0 ||
            getsockname(fd_, reinterpret_cast<sockaddr *>(&addr), &len) != 0)
            throw std::runtime_error("receiver: cannot listen");
        port_ = ntohs(addr.sin_port);
        thread_ = std::thread([this] { loop(); });
    }
    ~Receiver() {
        shutdown(fd_, SHUT_RDWR);
        close(fd_);
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/card-hook"; }
    // The requests (headers and body) received so far, waiting up to `ms` for `n` of them.
    std::vector<std::string> wait(size_t n, int ms) {
        for (int waited = 0; waited < ms; waited += 20) {
            {
                std::lock_guard<std::mutex> lock(mu_);
                if (got_.size() >= n) return got_;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        std::lock_guard<std::mutex> lock(mu_);
        return got_;
    }

  private:
    void loop() {
        while (true) {
            int c = accept(fd_, nullptr, nullptr);
            if (c < 0) return;
            std::string req;
            char buf[4096];
            size_t need = std::string::npos;
            while (need == std::string::npos || req.size() < need) {
                ssize_t n = read(c, buf, sizeof buf);
                if (n <= 0) break;
                req.append(buf, static_cast<size_t>(n));
                size_t end = req.find("\r\n\r\n");
                if (need == std::string::npos && end != std::string::npos) {
                    std::smatch m;
                    std::string head = req.substr(0, end);
                    need = end + 4;
                    if (std::regex_search(head, m, std::regex("[Cc]ontent-[Ll]ength: *([0-9]+)")))
                        need += std::stoul(m[1]);
                }
            }
            const char ok[] = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            (void)!write(c, ok, sizeof ok - 1);
            close(c);
            std::lock_guard<std::mutex> lock(mu_);
            got_.push_back(req);
        }
    }
    int fd_ = -1;
    int port_ = 0;
    std::thread thread_;
    std::mutex mu_;
    std::vector<std::string> got_;
};

// Onboards the session user through deploy-safe; returns the yativo_card_id.
std::string ready_profile(Client &c) {
    auto r = c.call("POST", "/yativo-card/onboard",
                    R"({"email":"holder@example.com","firstName":"Ada","lastName":"Holder"})");
    EXPECT_EQ(r.status, 201) << r.body;
    std::string id = data_str(r, "yativo_card_id");
    EXPECT_EQ(ctl(c.sb(), "POST", "/__sandbox/cards/kyc",
                  R"({"yativo_card_id":")" + id + R"(","status":"approved"})")
                  .status,
              200);
    EXPECT_EQ(c.call("POST", "/yativo-card/accept-terms").status, 200);
    auto d = c.call("POST", "/yativo-card/deploy-safe");
    EXPECT_EQ(d.status, 201) << d.body;
    return id;
}

std::string new_card(Client &c, const std::string &body = R"({"type":"virtual"})") {
    auto r = c.call("POST", "/yativo-card/create-card", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return data_str(r, "card_id");
}

std::string card_status(Client &c, const std::string &card_id) {
    auto doc = parse(c.call("GET", "/yativo-card/list-cards").body);
    for (const auto &card : doc["data"].GetArray())
        if (str(card, "card_id") == card_id) return str(card, "status");
    return "";
}

HttpResult spend(SandboxProcess &sb, const std::string &card, const std::string &amount) {
    return ctl(sb, "POST", "/__sandbox/cards/spend",
               R"({"card_id":")" + card + R"(","amount":")" + amount + R"("})");
}

TEST(Cards, OnboardingOrderIsEnforced) {
    SandboxProcess sb({"--card-kyc-delay", "3600"});
    Client c(sb);
    EXPECT_EQ(c.call("GET", "/yativo-card/kyc-status").status, 404);
    auto bad = c.call("POST", "/yativo-card/onboard", R"({"email":"nope","lastName":""})");
    ASSERT_EQ(bad.status, 400);
    auto bdoc = parse(bad.body);
    EXPECT_TRUE(bdoc["details"].HasMember("email"));
    EXPECT_TRUE(bdoc["details"].HasMember("firstName"));
    EXPECT_TRUE(bdoc["details"].HasMember("lastName"));

    auto r = c.call("POST", "/yativo-card/onboard",
                    R"({"email":"ada@example.com","firstName":"Ada","lastName":"Lovelace"})");
    ASSERT_EQ(r.status, 201) << r.body;
    std::string id = data_str(r, "yativo_card_id");
    EXPECT_TRUE(std::regex_match(id, std::regex("ycd_[0-9a-f]{24}")));
    EXPECT_EQ(data_str(r, "kyc_status"), "pending");
    EXPECT_EQ(c.call("POST", "/yativo-card/onboard",
                     R"({"email":"ada@example.com","firstName":"Ada","lastName":"L"})")
                  .status,
              409);

    // Nothing before KYC approval and terms.
    auto early = c.call("POST", "/yativo-card/deploy-safe");
    EXPECT_EQ(early.status, 409);
    EXPECT_EQ(err(early), "kyc_not_approved");
    EXPECT_EQ(c.call("POST", "/yativo-card/create-card", R"({"type":"virtual"})").status, 409);
    EXPECT_EQ(c.call("GET", "/yativo-card/" + id + "/wallet").status, 409);
    EXPECT_EQ(data_str(c.call("GET", "/yativo-card/kyc-status"), "kyc_status"), "pending");

    ASSERT_EQ(ctl(sb, "POST", "/__sandbox/cards/kyc",
                  R"({"yativo_card_id":")" + id + R"(","status":"approved"})")
                  .status,
              200);
    EXPECT_EQ(data_str(c.call("GET", "/yativo-card/kyc-status"), "kyc_status"), "approved");
    auto no_terms = c.call("POST", "/yativo-card/deploy-safe");
    EXPECT_EQ(no_terms.status, 409);
    EXPECT_EQ(err(no_terms), "terms_not_accepted");
    EXPECT_EQ(c.call("POST", "/yativo-card/create-card", R"({"type":"virtual"})").status, 409);

    ASSERT_EQ(c.call("POST", "/yativo-card/accept-terms").status, 200);
    auto deployed = c.call("POST", "/yativo-card/deploy-safe");
    ASSERT_EQ(deployed.status, 201) << deployed.body;
    EXPECT_TRUE(std::regex_match(data_str(deployed, "safe_address"), std::regex("0x[0-9a-f]{40}")));
    EXPECT_EQ(c.call("POST", "/yativo-card/deploy-safe").status, 409);

    // create-card validates, then creates; the list sees it.
    auto invalid = c.call("POST", "/yativo-card/create-card",
                          R"({"type":"plastic","spending_limit_amount":"-5",)"
                          R"("spending_limit_frequency":"hourly"})");
    ASSERT_EQ(invalid.status, 400);
    auto idoc = parse(invalid.body);
    EXPECT_TRUE(idoc["details"].HasMember("type"));
    EXPECT_TRUE(idoc["details"].HasMember("spending_limit_amount"));
    EXPECT_TRUE(idoc["details"].HasMember("spending_limit_frequency"));
    EXPECT_EQ(parse(c.call("GET", "/yativo-card/list-cards").body)["data"].Size(), 0u);
    auto card = c.call("POST", "/yativo-card/create-card",
                       R"({"type":"virtual","display_name":"Travel",)"
                       R"("spending_limit_amount":250.000000000000000001,)"
                       R"("spending_limit_frequency":"weekly"})");
    ASSERT_EQ(card.status, 201) << card.body;
    auto cdoc = parse(card.body);
    EXPECT_EQ(str(cdoc["data"]["spending_limit"], "amount"), "250.000000000000000001");
    EXPECT_EQ(str(cdoc["data"]["spending_limit"], "frequency"), "weekly");
    EXPECT_EQ(str(cdoc["data"], "status"), "active");
    auto list = parse(c.call("GET", "/yativo-card/list-cards").body);
    ASSERT_EQ(list["data"].Size(), 1u);
    EXPECT_EQ(str(list["data"][0], "card_id"), str(cdoc["data"], "card_id"));
    EXPECT_EQ(str(list["data"][0], "display_name"), "Travel");

    // One card account per user.
    auto second = c.call("POST", "/yativo-card/onboard",
                         R"({"email":"grace@example.com","firstName":"Grace","lastName":"H"})");
    EXPECT_EQ(second.status, 409);
    EXPECT_EQ(err(second), "already_onboarded");
    EXPECT_EQ(parse(c.call("GET", "/yativo-card/list-cards").body)["data"].Size(), 1u);
}

TEST(Cards, KycApprovesByItselfAfterTheDelay) {
    SandboxProcess sb({"--card-kyc-delay", "1"});
    Client c(sb);
    ASSERT_EQ(c.call("POST", "/yativo-card/onboard",
                     R"({"email":"ada@example.com","first_name":"Ada","last_name":"L"})")
                  .status,
              201);
    EXPECT_EQ(data_str(c.call("GET", "/yativo-card/kyc-status"), "kyc_status"), "pending");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    EXPECT_EQ(data_str(c.call("GET", "/yativo-card/kyc-status"), "kyc_status"), "approved");
}

TEST(Cards, FreezeNeeds2faAndAFrozenCardRefusesUseUntilUnfrozen) {
    SandboxProcess sb({"--totp-period", "1"});
    Client c(sb);
    std::string ycid = ready_profile(c);
    std::string card = new_card(c);
    auto no_code = c.call("POST", "/yativo-card/cards/" + card + "/freeze");
    EXPECT_EQ(no_code.status, 401);
    EXPECT_EQ(err(no_code), "two_factor_required");
    EXPECT_EQ(c.call("POST", "/yativo-card/cards/" + card + "/freeze", "", {"X-2FA-Token: 000000"})
                  .status,
              401);
    EXPECT_EQ(card_status(c, card), "active");
    EXPECT_EQ(c.call("POST", "/yativo-card/cards/crd_000000000000000000000000/freeze", "",
                     {c.code_header()})
                  .status,
              404);

    auto frozen = c.call("POST", "/yativo-card/cards/" + card + "/freeze", "", {c.code_header()});
    ASSERT_EQ(frozen.status, 200) << frozen.body;
    EXPECT_EQ(data_str(frozen, "status"), "frozen");
    EXPECT_EQ(
        c.call("POST", "/yativo-card/cards/" + card + "/freeze", "", {c.code_header()}).status,
        409);
    auto otp = c.call("POST", "/yativo-card/cards/" + card + "/pin/otp");
    EXPECT_EQ(otp.status, 422);
    EXPECT_EQ(err(otp), "card_not_active");
    EXPECT_EQ(c.call("POST", "/yativo-card/cards/" + card + "/pin/set",
                     R"({"otp":"123456","pin":"4821"})")
                  .status,
              422);
    auto eph = c.call("POST", "/yativo-card/" + ycid + "/cards/" + card + "/ephemeral-token");
    EXPECT_EQ(eph.status, 422);
    EXPECT_EQ(err(eph), "card_not_active");
    ASSERT_EQ(ctl(sb, "POST", "/__sandbox/cards/fund",
                  R"({"yativo_card_id":")" + ycid + R"(","amount":"50"})")
                  .status,
              200);
    EXPECT_EQ(spend(sb, card, "5").status, 422);

    EXPECT_EQ(c.call("POST", "/yativo-card/cards/" + card + "/unfreeze").status, 401);
    EXPECT_EQ(card_status(c, card), "frozen");
    auto thawed = c.call("POST", "/yativo-card/cards/" + card + "/unfreeze", "", {c.code_header()});
    ASSERT_EQ(thawed.status, 200) << thawed.body;
    EXPECT_EQ(data_str(thawed, "status"), "active");
    EXPECT_EQ(
        c.call("POST", "/yativo-card/cards/" + card + "/unfreeze", "", {c.code_header()}).status,
        409);
    auto t1 = c.call("POST", "/yativo-card/" + ycid + "/cards/" + card + "/ephemeral-token");
    auto t2 = c.call("POST", "/yativo-card/" + ycid + "/cards/" + card + "/ephemeral-token");
    ASSERT_EQ(t1.status, 201) << t1.body;
    EXPECT_TRUE(std::regex_match(data_str(t1, "ephemeral_token"), std::regex("eph_[0-9a-f]{48}")));
    EXPECT_NE(data_str(t1, "ephemeral_token"), data_str(t2, "ephemeral_token"));
    EXPECT_EQ(parse(t1.body)["data"]["expires_in"].GetInt(), 300);
    EXPECT_EQ(spend(sb, card, "5").status, 201);
}

TEST(Cards, AVoidedCardRefusesEverything) {
    SandboxProcess sb({"--totp-period", "1"});
    Client c(sb);
    std::string ycid = ready_profile(c);
    std::string card = new_card(c);
    ASSERT_EQ(
        c.call("POST", "/yativo-card/cards/" + card + "/freeze", "", {c.code_header()}).status,
        200);
    auto voided = c.call("POST", "/yativo-card/cards/" + card + "/void");
    ASSERT_EQ(voided.status, 200) << voided.body;
    EXPECT_EQ(data_str(voided, "status"), "voided");
    const std::vector<std::pair<std::string, std::string>> actions = {
        {"/yativo-card/cards/" + card + "/freeze", ""},
        {"/yativo-card/cards/" + card + "/unfreeze", ""},
        {"/yativo-card/cards/" + card + "/void", ""},
        {"/yativo-card/cards/" + card + "/pin/otp", ""},
        {"/yativo-card/cards/" + card + "/pin/set", R"({"otp":"123456","pin":"4821"})"},
        {"/yativo-card/" + ycid + "/cards/" + card + "/ephemeral-token", ""},
    };
    for (const auto &a : actions) {
        auto r = c.call("POST", a.first, a.second);
        EXPECT_EQ(r.status, 422) << a.first << " " << r.body;
        EXPECT_EQ(err(r), "card_not_active") << a.first;
    }
    ctl(sb, "POST", "/__sandbox/cards/fund",
        R"({"yativo_card_id":")" + ycid + R"(","amount":"50"})");
    EXPECT_EQ(spend(sb, card, "1").status, 422);
    EXPECT_EQ(card_status(c, card), "voided");
    // Its history stays readable.
    EXPECT_EQ(c.call("GET", "/yativo-card/" + ycid + "/cards/" + card + "/transactions").status,
              200);
}

TEST(Cards, PinCodeFromTheOutboxWorksOnce) {
    SandboxProcess sb;
    Client c(sb);
    ready_profile(c);
    std::string card = new_card(c);
    EXPECT_EQ(c.call("POST", "/yativo-card/cards/" + card + "/pin/set",
                     R"({"otp":"123456","pin":"4821"})")
                  .status,
              422);  // no code requested yet
    auto sent = c.call("POST", "/yativo-card/cards/" + card + "/pin/otp");
    ASSERT_EQ(sent.status, 200) << sent.body;
    auto box = parse(ctl(sb, "GET", "/__sandbox/outbox?to=holder%40example.com").body);
    ASSERT_EQ(box["data"].Size(), 1u);
    std::string code = str(box["data"][0], "code");
    ASSERT_TRUE(std::regex_match(code, std::regex("[0-9]{6}")));
    EXPECT_EQ(sent.body.find(code), std::string::npos);
    std::string wrong = code == "000000" ? "000001" : "000000";

    auto bad = c.call("POST", "/yativo-card/cards/" + card + "/pin/set",
                      R"({"otp":")" + code + R"(","pin":"48a1"})");
    ASSERT_EQ(bad.status, 400);
    EXPECT_TRUE(parse(bad.body)["details"].HasMember("pin"));
    auto mismatch = c.call("POST", "/yativo-card/cards/" + card + "/pin/set",
                           R"({"otp":")" + wrong + R"(","pin":"4821"})");
    EXPECT_EQ(mismatch.status, 422);
    EXPECT_EQ(err(mismatch), "invalid_otp");
    EXPECT_EQ(mismatch.body.find(code), std::string::npos);
    auto ok = c.call("POST", "/yativo-card/cards/" + card + "/pin/set",
                     R"({"otp":")" + code + R"(","pin":"4821"})");
    ASSERT_EQ(ok.status, 200) << ok.body;
    auto again = c.call("POST", "/yativo-card/cards/" + card + "/pin/set",
                        R"({"otp":")" + code + R"(","pin":"4821"})");
    EXPECT_EQ(again.status, 422);
    auto list = parse(c.call("GET", "/yativo-card/list-cards").body);
    EXPECT_TRUE(list["data"][0]["pin_set"].IsTrue());
}

TEST(Cards, WalletFundingAddressAndExactSpendingLimits) {
    SandboxProcess sb;
    Client c(sb);
    std::string ycid = ready_profile(c);
    EXPECT_EQ(c.call("GET", "/yativo-card/ycd_000000000000000000000000/wallet").status, 404);
    auto a1 = c.call("GET", "/yativo-card/" + ycid + "/wallet/funding-address");
    auto a2 = c.call("GET", "/yativo-card/" + ycid + "/wallet/funding-address");
    ASSERT_EQ(a1.status, 200) << a1.body;
    std::string address = data_str(a1, "address");
    EXPECT_EQ(address, data_str(a2, "address"));
    EXPECT_TRUE(std::regex_match(address, std::regex("[1-9A-HJ-NP-Za-km-z]{32,44}")));
    EXPECT_EQ(data_str(a1, "ticker"), "USDC_SOL");
    auto wallet = c.call("GET", "/yativo-card/" + ycid + "/wallet");
    ASSERT_EQ(wallet.status, 200);
    EXPECT_EQ(data_str(wallet, "balance"), "0");
    EXPECT_EQ(str(parse(wallet.body)["data"]["funding"], "address"), address);

    auto limits = c.call("GET", "/yativo-card/" + ycid + "/wallet/limits");
    ASSERT_EQ(limits.status, 200);
    std::string before = data_str(limits, "daily_limit");
    for (const char *bad :
         {R"({"daily_limit":0})", R"({"daily_limit":"-3"})", R"({"daily_limit":"1e3"})",
          R"({"daily_limit":"999999999"})", R"({"daily_limit":"1.0000000000000000001"})", "{}"}) {
        auto r = c.call("PUT", "/yativo-card/" + ycid + "/wallet/limits", bad);
        EXPECT_EQ(r.status, 400) << bad;
        EXPECT_TRUE(parse(r.body)["details"].HasMember("daily_limit")) << bad;
    }
    EXPECT_EQ(data_str(c.call("GET", "/yativo-card/" + ycid + "/wallet/limits"), "daily_limit"),
              before);
    auto set = c.call("PUT", "/yativo-card/" + ycid + "/wallet/limits",
                      R"({"daily_limit":1234.567890123456789})");
    ASSERT_EQ(set.status, 200) << set.body;
    EXPECT_EQ(data_str(set, "daily_limit"), "1234.567890123456789");
    EXPECT_EQ(data_str(c.call("GET", "/yativo-card/" + ycid + "/wallet/limits"), "daily_limit"),
              "1234.567890123456789");

    // The daily limit is what a purchase is checked against; refused purchases leave no trace.
    std::string card = new_card(c);
    ASSERT_EQ(ctl(sb, "POST", "/__sandbox/cards/fund",
                  R"({"yativo_card_id":")" + ycid + R"(","amount":"2000.000000000000000001"})")
                  .status,
              200);
    EXPECT_EQ(data_str(c.call("GET", "/yativo-card/" + ycid + "/wallet"), "balance"),
              "2000.000000000000000001");
    ASSERT_EQ(
        c.call("PUT", "/yativo-card/" + ycid + "/wallet/limits", R"({"daily_limit":"30"})").status,
        200);
    EXPECT_EQ(str(parse(spend(sb, card, "20").body)["data"], "status"), "completed");
    auto over = parse(spend(sb, card, "10.01").body);
    EXPECT_EQ(str(over["data"], "status"), "declined");
    EXPECT_EQ(str(over["data"], "decline_reason"), "daily_limit_exceeded");
    EXPECT_EQ(str(parse(spend(sb, card, "10").body)["data"], "status"), "completed");
    EXPECT_EQ(str(parse(spend(sb, card, "0.000000000000000001").body)["data"], "status"),
              "declined");
    EXPECT_EQ(data_str(c.call("GET", "/yativo-card/" + ycid + "/wallet"), "balance"),
              "1970.000000000000000001");
    EXPECT_EQ(parse(c.call("GET", "/yativo-card/" + ycid + "/transactions").body)["data"].Size(),
              4u);
    // A card's own limit counts per its frequency.
    std::string capped = new_card(
        c, R"({"type":"virtual","spending_limit_amount":"5","spending_limit_frequency":"weekly"})");
    ASSERT_EQ(c.call("PUT", "/yativo-card/" + ycid + "/wallet/limits", R"({"daily_limit":"1000"})")
                  .status,
              200);
    EXPECT_EQ(str(parse(spend(sb, capped, "3").body)["data"], "status"), "completed");
    EXPECT_EQ(str(parse(spend(sb, capped, "2.5").body)["data"], "decline_reason"),
              "card_limit_exceeded");
    EXPECT_EQ(str(parse(spend(sb, capped, "2").body)["data"], "status"), "completed");
    EXPECT_EQ(str(parse(spend(sb, capped, "2000").body)["data"], "decline_reason"),
              "insufficient_funds");
    EXPECT_EQ(data_str(c.call("GET", "/yativo-card/" + ycid + "/wallet"), "balance"),
              "1965.000000000000000001");

    auto prof = c.call("GET", "/yativo-card/" + ycid + "/profile");
    ASSERT_EQ(prof.status, 200);
    EXPECT_EQ(data_str(prof, "email"), "holder@example.com");
    EXPECT_EQ(data_str(prof, "kyc_status"), "approved");
}

TEST(Cards, TransactionsFilterPageAndDisputeOnce) {
    SandboxProcess sb;
    Client c(sb);
    std::string ycid = ready_profile(c);
    std::string card = new_card(c);
    std::string other = new_card(c);
    ctl(sb, "POST", "/__sandbox/cards/fund",
        R"({"yativo_card_id":")" + ycid + R"(","amount":"100.5"})");
    std::vector<std::string> ids;
    for (const char *amount : {"10", "20.25", "30"})
        ids.push_back(str(parse(spend(sb, card, amount).body)["data"], "transaction_id"));
    auto declined_one = ctl(
        sb, "POST", "/__sandbox/cards/spend",
        R"({"card_id":")" + card + R"(","amount":"1000","decline_reason":"insufficient_funds"})");
    ASSERT_EQ(declined_one.status, 201) << declined_one.body;
    EXPECT_EQ(data_str(declined_one, "status"), "declined");
    ids.push_back(data_str(declined_one, "transaction_id"));
    ASSERT_EQ(spend(sb, other, "5").status, 201);
    // Completed purchases are drawn from the card wallet, exactly; declined ones are not.
    EXPECT_EQ(data_str(c.call("GET", "/yativo-card/" + ycid + "/wallet"), "balance"), "35.25");

    std::string base = "/yativo-card/" + ycid + "/cards/" + card + "/transactions";
    auto all = parse(c.call("GET", base).body);
    ASSERT_EQ(all["data"].Size(), 4u);
    EXPECT_EQ(str(all["data"][0], "transaction_id"), ids[3]);  // newest first
    EXPECT_EQ(all["pagination"]["total"].GetInt(), 4);
    auto declined = parse(c.call("GET", base + "?status=declined").body);
    ASSERT_EQ(declined["data"].Size(), 1u);
    EXPECT_EQ(str(declined["data"][0], "amount"), "1000");
    auto page = parse(c.call("GET", base + "?limit=2&offset=1").body);
    ASSERT_EQ(page["data"].Size(), 2u);
    EXPECT_EQ(str(page["data"][0], "transaction_id"), ids[2]);
    EXPECT_EQ(str(page["data"][1], "transaction_id"), ids[1]);
    EXPECT_TRUE(page["pagination"]["has_more"].IsTrue());
    EXPECT_EQ(parse(c.call("GET", base + "?offset=4").body)["data"].Size(), 0u);
    EXPECT_EQ(parse(c.call("GET", base + "?from=2999-01-01").body)["data"].Size(), 0u);
    EXPECT_EQ(parse(c.call("GET", base + "?to=2000-01-01").body)["data"].Size(), 0u);
    EXPECT_EQ(parse(c.call("GET", base + "?from=2000-01-01&to=2999-12-31").body)["data"].Size(),
              4u);
    EXPECT_EQ(c.call("GET", base + "?limit=101").status, 400);
    EXPECT_EQ(c.call("GET", base + "?from=yesterday").status, 400);
    EXPECT_EQ(c.call("GET", base + "?status=lost").status, 400);
    auto every = parse(c.call("GET", "/yativo-card/" + ycid + "/transactions?limit=10").body);
    EXPECT_EQ(every["data"].Size(), 5u);
    EXPECT_EQ(
        parse(c.call("GET", "/yativo-card/" + ycid + "/transactions?status=completed").body)["data"]
            .Size(),
        4u);

    auto reasons =
        parse(c.call("GET", "/yativo-card/" + ycid + "/transactions/dispute-reasons").body);
    ASSERT_GT(reasons["data"].Size(), 3u);
    std::string reason = str(reasons["data"][0], "code");
    std::string dpath = "/yativo-card/" + ycid + "/transactions/";
    EXPECT_EQ(c.call("POST", dpath + ids[0] + "/dispute", R"({"reason_code":"bogus"})").status,
              400);
    EXPECT_EQ(c.call("POST", dpath + "ctx_000000000000000000000000/dispute",
                     R"({"reason_code":")" + reason + R"("})")
                  .status,
              404);
    auto dec =
        c.call("POST", dpath + ids[3] + "/dispute", R"({"reason_code":")" + reason + R"("})");
    EXPECT_EQ(dec.status, 422);
    auto d = c.call("POST", dpath + ids[0] + "/dispute",
                    R"({"reason_code":")" + reason + R"(","description":"not me"})");
    ASSERT_EQ(d.status, 201) << d.body;
    EXPECT_EQ(data_str(d, "status"), "open");
    auto twice =
        c.call("POST", dpath + ids[0] + "/dispute", R"({"reason_code":")" + reason + R"("})");
    EXPECT_EQ(twice.status, 409);
    EXPECT_EQ(err(twice), "already_disputed");
    auto after = parse(c.call("GET", base + "?limit=100").body);
    EXPECT_TRUE(after["data"][3]["disputed"].IsTrue());
    EXPECT_TRUE(after["data"][2]["disputed"].IsFalse());
}

long long cents(const std::string &amount) {
    size_t dot = amount.find('.');
    std::string frac =
        dot == std::string::npos ? "00" : (amount.substr(dot + 1) + "00").substr(0, 2);
    return std::stoll(amount.substr(0, dot)) * 100 + std::stoll(frac);
}

TEST(Cards, DocumentedSandboxSpendAndHistoryEndpoints) {
    SandboxProcess sb;
    Client c(sb);
    std::string ycid = ready_profile(c);
    std::string card = new_card(c);
    ctl(sb, "POST", "/__sandbox/cards/fund",
        R"({"yativo_card_id":")" + ycid + R"(","amount":"10000"})");
    EXPECT_EQ(c.call("POST", "/sandbox/generate-card-history",
                     R"({"card_id":")" + card + R"(","count":51})")
                  .status,
              400);
    EXPECT_EQ(c.call("POST", "/sandbox/simulate-card-spend",
                     R"({"card_id":"crd_000000000000000000000000","amount":"1"})")
                  .status,
              404);
    auto gen = c.call("POST", "/sandbox/generate-card-history",
                      R"({"card_id":")" + card + R"(","count":6})");
    ASSERT_EQ(gen.status, 201) << gen.body;
    auto spent = c.call("POST", "/sandbox/simulate-card-spend",
                        R"({"card_id":")" + card + R"(","amount":"0.01","merchant_name":"Kiosk"})");
    ASSERT_EQ(spent.status, 201) << spent.body;
    auto list = parse(c.call("GET", "/yativo-card/" + ycid + "/transactions?limit=100").body);
    ASSERT_EQ(list["data"].Size(), 7u);
    EXPECT_EQ(str(list["data"][0], "merchant_name"), "Kiosk");  // newest first
    long long total = 0;
    std::string previous = "9999";
    for (const auto &t : list["data"].GetArray()) {
        EXPECT_LE(str(t, "created_at"), previous);
        previous = str(t, "created_at");
        EXPECT_EQ(str(t, "status"), "completed");  // small amounts, within every limit
        total += cents(str(t, "amount"));
    }
    long long left = 1000000 - total;
    std::string expect = std::to_string(left / 100);
    if (left % 100) {
        expect += "." + std::to_string(100 + left % 100).substr(1);
        if (expect.back() == '0') expect.pop_back();
    }
    EXPECT_EQ(data_str(c.call("GET", "/yativo-card/" + ycid + "/wallet"), "balance"), expect);
}

TEST(Cards, CustomersHaveCardsOfTheirOwn) {
    SandboxProcess sb;
    Client c(sb);
    auto cust = ctl(sb, "POST", "/__sandbox/cards/customer",
                    R"({"email":"bob@example.com","name":"Bob Builder"})");
    ASSERT_EQ(cust.status, 201) << cust.body;
    std::string cid = data_str(cust, "customer_id");
    EXPECT_EQ(c.call("GET", "/yativo-card/customers/cus_000000000000000000000000/cards").status,
              404);
    EXPECT_EQ(parse(c.call("GET", "/yativo-card/customers/" + cid + "/cards").body)["data"].Size(),
              0u);
    EXPECT_EQ(
        c.call("POST", "/yativo-card/customers/" + cid + "/create-card", R"({"type":"x"})").status,
        400);
    auto card =
        c.call("POST", "/yativo-card/customers/" + cid + "/create-card", R"({"type":"virtual"})");
    ASSERT_EQ(card.status, 201) << card.body;
    EXPECT_EQ(data_str(card, "customer_id"), cid);
    std::string card_id = data_str(card, "card_id");
    std::string ycid = data_str(card, "yativo_card_id");
    auto list = parse(c.call("GET", "/yativo-card/customers/" + cid + "/cards").body);
    ASSERT_EQ(list["data"].Size(), 1u);
    EXPECT_EQ(str(list["data"][0], "card_id"), card_id);
    // The customer's cards are not the user's own.
    EXPECT_EQ(parse(c.call("GET", "/yativo-card/list-cards").body)["data"].Size(), 0u);

    auto prof = c.call("GET", "/yativo-card/customers/" + ycid + "/profile");
    ASSERT_EQ(prof.status, 200);
    EXPECT_EQ(data_str(prof, "email"), "bob@example.com");
    EXPECT_EQ(data_str(prof, "first_name"), "Bob");
    auto by_id = c.call("GET", "/yativo-card/customers/" + cid + "/wallet/funding-address");
    auto by_ycid = c.call("GET", "/yativo-card/customers/" + ycid + "/wallet/funding-address");
    ASSERT_EQ(by_id.status, 200);
    EXPECT_EQ(data_str(by_id, "address"), data_str(by_ycid, "address"));
    ASSERT_EQ(c.call("PUT", "/yativo-card/customers/" + ycid + "/wallet/limits",
                     R"({"daily_limit":"75.5"})")
                  .status,
              200);
    EXPECT_EQ(
        data_str(c.call("GET", "/yativo-card/customers/" + ycid + "/wallet/limits"), "daily_limit"),
        "75.5");
    auto eph =
        c.call("POST", "/yativo-card/customers/" + ycid + "/cards/" + card_id + "/ephemeral-token");
    EXPECT_EQ(eph.status, 201) << eph.body;
    EXPECT_GT(
        parse(c.call("GET", "/yativo-card/customers/" + ycid + "/transactions/dispute-reasons")
                  .body)["data"]
            .Size(),
        3u);
    ctl(sb, "POST", "/__sandbox/cards/fund",
        R"({"yativo_card_id":")" + ycid + R"(","amount":"10"})");
    std::string tx = str(parse(spend(sb, card_id, "4").body)["data"], "transaction_id");
    EXPECT_EQ(c.call("POST", "/yativo-card/customers/" + ycid + "/transactions/" + tx + "/dispute",
                     R"({"reason_code":"duplicate_charge"})")
                  .status,
              201);
    EXPECT_EQ(c.call("GET", "/yativo-card/customers/ycd_000000000000000000000000/profile").status,
              404);
}

TEST(Cards, PhysicalOrdersCancelAndPayOnce) {
    SandboxProcess sb;
    Client c(sb);
    std::string ycid = ready_profile(c);
    std::string base = "/yativo-card/" + ycid + "/cards/physical/order";
    auto bad =
        c.call("POST", base, R"({"shippingAddress":{"line1":"1 Main St","country":"Germany"}})");
    ASSERT_EQ(bad.status, 400);
    auto bdoc = parse(bad.body);
    EXPECT_TRUE(bdoc["details"].HasMember("shippingAddress.city"));
    EXPECT_TRUE(bdoc["details"].HasMember("shippingAddress.postal_code"));
    EXPECT_TRUE(bdoc["details"].HasMember("shippingAddress.country"));
    EXPECT_EQ(c.call("POST", base, R"({"shippingAddress":"1 Main St"})").status, 400);
    EXPECT_EQ(c.call("POST", base, "{}").status, 400);
    EXPECT_EQ(
        parse(c.call("GET", "/yativo-card/" + ycid + "/cards/physical/orders").body)["data"].Size(),
        0u);

    const std::string address =
        R"({"shippingAddress":{"line1":"1 Main St","city":"Berlin","postal_code":"10115","country":"DE"},"personalization":"ADA L"})";
    auto o1 = c.call("POST", base, address);
    ASSERT_EQ(o1.status, 201) << o1.body;
    std::string order = data_str(o1, "order_id");
    EXPECT_EQ(data_str(o1, "status"), "pending_payment");
    EXPECT_EQ(str(parse(o1.body)["data"]["shipping_address"], "city"), "Berlin");
    auto st = c.call("GET", base + "/" + order + "/status");
    ASSERT_EQ(st.status, 200);
    EXPECT_EQ(data_str(st, "status"), "pending_payment");
    EXPECT_EQ(c.call("GET", base + "/pco_000000000000000000000000/status").status, 404);

    EXPECT_EQ(c.call("POST", base + "/" + order + "/payment", "{}").status, 400);
    const std::string payment = R"({"payment_method":"card_wallet","tx_hash":"0xabc"})";
    auto paid =
        c.call("POST", base + "/" + order + "/payment", payment, {"Idempotency-Key: pay-1"});
    ASSERT_EQ(paid.status, 200) << paid.body;
    EXPECT_EQ(data_str(paid, "status"), "paid");
    auto replay =
        c.call("POST", base + "/" + order + "/payment", payment, {"Idempotency-Key: pay-1"});
    EXPECT_EQ(replay.status, 200);
    EXPECT_EQ(replay.body, paid.body);
    EXPECT_EQ(replay.header("Idempotent-Replayed"), "true");
    auto second =
        c.call("POST", base + "/" + order + "/payment", payment, {"Idempotency-Key: pay-2"});
    EXPECT_EQ(second.status, 409);
    EXPECT_EQ(err(second), "order_already_paid");

    auto shipped =
        ctl(sb, "POST", "/__sandbox/cards/ship-order", R"({"order_id":")" + order + R"("})");
    ASSERT_EQ(shipped.status, 200) << shipped.body;
    std::string physical = data_str(shipped, "card_id");
    auto cancel_shipped = c.call("POST", base + "/" + order + "/cancel");
    EXPECT_EQ(cancel_shipped.status, 409);
    EXPECT_EQ(err(cancel_shipped), "order_already_shipped");

    // The shipped card takes an encrypted PIN; a virtual card does not.
    std::string pin_path = "/yativo-card/" + ycid + "/cards/physical/" + physical + "/pin";
    EXPECT_EQ(c.call("POST", pin_path, R"({"encrypted_pin":""})").status, 400);
    auto pin = c.call("POST", pin_path, R"({"encrypted_pin":"b64:AbCdEf=="})");
    EXPECT_EQ(pin.status, 200) << pin.body;
    std::string virt = new_card(c);
    EXPECT_EQ(c.call("POST", "/yativo-card/" + ycid + "/cards/physical/" + virt + "/pin",
                     R"({"encrypted_pin":"x"})")
                  .status,
              409);

    auto o2 = c.call("POST", base, address);
    std::string order2 = data_str(o2, "order_id");
    auto cancelled = c.call("POST", base + "/" + order2 + "/cancel");
    ASSERT_EQ(cancelled.status, 200);
    EXPECT_EQ(data_str(cancelled, "status"), "cancelled");
    EXPECT_EQ(c.call("POST", base + "/" + order2 + "/cancel").status, 409);
    EXPECT_EQ(c.call("POST", base + "/" + order2 + "/payment", payment).status, 409);
    auto orders = parse(c.call("GET", "/yativo-card/" + ycid + "/cards/physical/orders").body);
    ASSERT_EQ(orders["data"].Size(), 2u);
    EXPECT_EQ(str(orders["data"][0], "status"), "cancelled");
    EXPECT_EQ(str(orders["data"][1], "status"), "shipped");
}

bool iban_valid(const std::string &iban) {
    std::string moved = iban.substr(4) + iban.substr(0, 4);
    int mod = 0;
    for (char ch : moved) {
        std::string digits = std::isdigit(static_cast<unsigned char>(ch))
                                 ? std::string(1, ch)
                                 : std::to_string(ch - 'A' + 10);
        for (char d : digits) mod = (mod * 10 + (d - '0')) % 97;
    }
    return mod == 1;
}

TEST(Cards, WebhookSubscriptionsAndIban) {
    SandboxProcess sb;
    Client c(sb);
    std::string ycid = ready_profile(c);
    std::string sub_path = "/yativo-card/" + ycid + "/webhooks/subscribe";
    auto bad =
        c.call("POST", sub_path, R"({"callback_url":"http://example.com/h","events":["Bad"]})");
    ASSERT_EQ(bad.status, 400);
    EXPECT_TRUE(parse(bad.body)["details"].HasMember("callback_url"));
    EXPECT_TRUE(parse(bad.body)["details"].HasMember("events"));
    auto sub = c.call("POST", sub_path,
                      R"({"callback_url":"https://example.com/cards","events":["card.frozen"]})");
    ASSERT_EQ(sub.status, 201) << sub.body;
    std::string sid = data_str(sub, "subscription_id");
    EXPECT_EQ(c.call("DELETE", sub_path + "/cws_000000000000000000000000").status, 404);
    EXPECT_EQ(c.call("DELETE", sub_path + "/" + sid).status, 200);
    EXPECT_EQ(c.call("DELETE", sub_path + "/" + sid).status, 404);

    // A loopback subscriber receives the account's events it asked for, signed; none after
    // unsubscribing. A webhook of the user that wants the same type gets the same event (one
    // event id) through the same delivery path, without the subscription's id.
    Receiver rx;
    auto live = c.call("POST", sub_path,
                       R"({"callback_url":")" + rx.url() + R"(","events":["card.transaction"]})");
    ASSERT_EQ(live.status, 201) << live.body;
    EXPECT_TRUE(std::regex_match(data_str(live, "secret"), std::regex("whsec_[0-9a-f]{64}")));
    EXPECT_TRUE(parse(live.body)["data"]["receives_deliveries"].GetBool());
    std::string live_id = data_str(live, "subscription_id");
    auto hook = c.call("POST", "/webhook/create",
                       R"({"url":")" + rx.url() + R"(-user","events":["card.transaction.*"]})");
    ASSERT_EQ(hook.status, 201) << hook.body;
    std::string card = new_card(c);  // card.created: not asked for
    ctl(sb, "POST", "/__sandbox/cards/fund",
        R"({"yativo_card_id":")" + ycid + R"(","amount":"9"})");
    ASSERT_EQ(spend(sb, card, "1.5").status, 201);
    auto got = rx.wait(2, 5000);
    ASSERT_EQ(got.size(), 2u);
    const std::string *to_sub = nullptr, *to_hook = nullptr;
    for (const auto &g : got) (g.rfind("POST /card-hook HTTP/1.1", 0) == 0 ? to_sub : to_hook) = &g;
    ASSERT_TRUE(to_sub && to_hook) << got[0] << got[1];
    EXPECT_EQ(to_hook->rfind("POST /card-hook-user HTTP/1.1", 0), 0u);
    std::smatch sub_id, hook_id;
    const std::regex event_id("X-Yativo-Event-Id: (evt_[0-9a-f]{24})");
    ASSERT_TRUE(std::regex_search(*to_sub, sub_id, event_id)) << *to_sub;
    ASSERT_TRUE(std::regex_search(*to_hook, hook_id, event_id)) << *to_hook;
    EXPECT_EQ(sub_id[1].str(), hook_id[1].str());
    EXPECT_TRUE(std::regex_search(*to_sub, std::regex("X-Webhook-Signature: [0-9a-f]{64}")));
    EXPECT_TRUE(std::regex_search(*to_sub, std::regex("X-Yativo-Signature: sha256=[0-9a-f]{64}")));
    EXPECT_TRUE(std::regex_search(*to_sub, std::regex("X-Yativo-Delivery: dlv_[0-9a-f]{24}")));
    auto event = parse(to_sub->substr(to_sub->find("\r\n\r\n") + 4));
    EXPECT_EQ(str(event, "type"), "card.transaction.completed");
    EXPECT_EQ(str(event, "id"), sub_id[1].str());
    EXPECT_EQ(str(event, "subscription_id"), live_id);
    EXPECT_EQ(str(event["data"], "amount"), "1.5");
    auto user_event = parse(to_hook->substr(to_hook->find("\r\n\r\n") + 4));
    EXPECT_FALSE(user_event.HasMember("subscription_id"));
    EXPECT_EQ(str(user_event["data"], "amount"), "1.5");
    EXPECT_EQ(c.call("DELETE", sub_path + "/" + live_id).status, 200);
    ASSERT_EQ(spend(sb, card, "2").status, 201);
    got = rx.wait(4, 1000);
    ASSERT_EQ(got.size(), 3u);  // the webhook's only
    EXPECT_EQ(got[2].rfind("POST /card-hook-user HTTP/1.1", 0), 0u);

    auto st = c.call("GET", "/yativo-card/" + ycid + "/iban/status");
    ASSERT_EQ(st.status, 200);
    EXPECT_EQ(data_str(st, "status"), "inactive");
    std::string act = "/yativo-card/" + ycid + "/iban/activate";
    EXPECT_EQ(c.call("POST", act, R"({"kyc_method":"selfie"})").status, 400);
    auto no_token = c.call("POST", act, R"({"kyc_method":"user_sumsub"})");
    ASSERT_EQ(no_token.status, 400);
    EXPECT_TRUE(parse(no_token.body)["details"].HasMember("sumsub_token"));
    EXPECT_EQ(data_str(c.call("GET", "/yativo-card/" + ycid + "/iban/status"), "status"),
              "inactive");
    auto on = c.call("POST", act, R"({"kyc_method":"platform_sumsub"})");
    ASSERT_EQ(on.status, 200) << on.body;
    std::string iban = data_str(on, "iban");
    EXPECT_TRUE(std::regex_match(iban, std::regex("DE[0-9]{20}")));
    EXPECT_TRUE(iban_valid(iban)) << iban;
    EXPECT_EQ(c.call("POST", act, R"({"kyc_method":"platform_sumsub"})").status, 409);
    auto after = c.call("GET", "/yativo-card/" + ycid + "/iban/status");
    EXPECT_EQ(data_str(after, "status"), "active");
    EXPECT_EQ(data_str(after, "iban"), iban);
}

TEST(Cards, ScopesAreEnforced) {
    SandboxProcess sb;
    Client c(sb);
    Creds reader = c.create_key(R"(["read"])");
    EXPECT_EQ(c.keyed(reader, "POST", "/yativo-card/onboard",
                      R"({"email":"a@example.com","firstName":"A","lastName":"B"})")
                  .status,
              403);
    EXPECT_EQ(c.call("GET", "/yativo-card/" + std::string("ycd_000000000000000000000000") +
                                "/wallet/limits")
                  .status,
              404);
    std::string ycid = ready_profile(c);
    EXPECT_EQ(c.keyed(reader, "GET", "/yativo-card/" + ycid + "/wallet/limits").status, 200);
    EXPECT_EQ(
        c.keyed(reader, "PUT", "/yativo-card/" + ycid + "/wallet/limits", R"({"daily_limit":"5"})")
            .status,
        403);
}

}  // namespace
}  // namespace sbt
