// json and query parameters through the C ABI against a sandbox: a GET's parameter travels in the
// query string (the sandbox filters by it), a json parameter is JSON text sent as the value it is
// and refused, naming it, when it is not JSON.
#include <string>

#include "sandbox_client.hpp"

using namespace capi_test;

namespace {

using Customer = Owned<yv_customer, yv_customer_free>;

class CapiParams : public ::testing::Test {
  protected:
    std::string new_account(const char *name) {
        const auto a = ok<Account>([&](yv_account **out, yv_error **e) {
            return yv_client_create_account(c.get(), name, nullptr, nullptr, out, e);
        });
        return a ? str(yv_account_id(a.get())) : std::string();
    }

    yvtest::SandboxProcess sb{sandbox_flags()};
    Client c = session_client(sb);
};

TEST_F(CapiParams, GetConnectionsSendsTheAccountInTheQueryString) {
    const std::string a = new_account("c-conn-a"), b = new_account("c-conn-b");
    const char *solana[] = {"solana"};
    ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_create_account_connections(c.get(), a.c_str(), solana, 1, nullptr, out, e);
    });
    ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_create_account_connections(c.get(), b.c_str(), nullptr, 0, nullptr, out,
                                                    e);
    });
    const std::string only = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_get_account_connections(c.get(), a.c_str(), nullptr, out, e);
    });
    EXPECT_NE(only.find(a), std::string::npos) << only;
    EXPECT_EQ(only.find(b), std::string::npos) << only;
    EXPECT_NE(only.find(R"("chain":"solana")"), std::string::npos) << only;
    EXPECT_EQ(only.find(R"("chain":"ethereum")"), std::string::npos) << only;
    const std::string every = ok_json([&](yv_buffer **out, yv_error **e) {
        return yv_client_get_account_connections(c.get(), nullptr, nullptr, out, e);
    });
    EXPECT_NE(every.find(a), std::string::npos) << every;
    EXPECT_NE(every.find(b), std::string::npos) << every;

    yv_buffer *out = nullptr;
    Err err;
    EXPECT_EQ(yv_client_get_account_connections(c.get(), "acc_000000000000000000000000", nullptr,
                                                &out, err.out()),
              YV_E_NOT_FOUND);
    EXPECT_EQ(out, nullptr);
}

TEST_F(CapiParams, CreateCustomerSendsJsonMetadata) {
    const auto cu = ok<Customer>([&](yv_customer **out, yv_error **e) {
        return yv_client_create_customer(c.get(), "c-json@example.com", "C", nullptr,
                                         R"({"tier": "gold", "limit": 1000.10, "tags": ["a"]})",
                                         nullptr, out, e);
    });
    ASSERT_TRUE(cu);
    EXPECT_STREQ(yv_customer_email(cu.get()), "c-json@example.com");
    const std::string raw = str(yv_customer_json(cu.get()));
    EXPECT_NE(raw.find(R"("metadata":{"tier":"gold","limit":"1000.10","tags":["a"]})"),
              std::string::npos)
        << raw;

    const long before = sb.path_count("/customers/create-customer");
    yv_customer *bad = nullptr;
    Err err;
    EXPECT_EQ(yv_client_create_customer(c.get(), "c-bad@example.com", nullptr, nullptr,
                                        "{\"a\":", nullptr, &bad, err.out()),
              YV_E_INVALID_ARGUMENT);
    EXPECT_EQ(bad, nullptr);
    EXPECT_NE(std::string(err.message()).find("metadata"), std::string::npos) << err.message();
    EXPECT_EQ(sb.path_count("/customers/create-customer"), before);
}

}  // namespace
