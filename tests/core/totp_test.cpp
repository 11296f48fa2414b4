#include <gtest/gtest.h>

#include "yativo/status.hpp"
#include "yativo/totp.hpp"

// RFC 6238 Appendix B, SHA-1 rows; the seed is the ASCII "12345678901234567890".
TEST(Totp, Rfc6238AppendixB) {
    const char *secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    struct Row {
        std::int64_t t;
        const char *code;
    } rows[] = {{59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
                {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"}};
    for (const auto &row : rows)
        EXPECT_EQ(yativo::totp(secret, row.t, std::chrono::seconds(30), 8).reveal(), row.code)
            << row.t;
    EXPECT_EQ(yativo::totp(secret, 59, std::chrono::seconds(30), 6).reveal(), "287082");
}

TEST(Totp, SecretsArePastedLoosely) {
    auto a = yativo::totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59).reveal();
    EXPECT_EQ(yativo::totp("gezd gnbv gy3t qojq gezd gnbv gy3t qojq", 59).reveal(), a);
    EXPECT_EQ(yativo::totp("GEZD-GNBV-GY3T-QOJQ-GEZD-GNBV-GY3T-QOJQ====", 59).reveal(), a);
}

TEST(Totp, BadInputIsInvalidArgument) {
    for (const char *bad : {"", "    ", "not base32!", "GEZDGNB1"}) {
        try {
            yativo::totp(bad, 59);
            ADD_FAILURE() << "accepted " << bad;
        } catch (const yativo::Error &e) {
            EXPECT_EQ(e.code(), yativo::Status::INVALID_ARGUMENT) << bad;
            EXPECT_EQ(e.message().find(bad[0] ? bad : "\x01"), std::string::npos)
                << "secret echoed";
        }
    }
    EXPECT_THROW(yativo::totp("GEZDGNBVGY3TQOJQ", 59, std::chrono::seconds(0)), yativo::Error);
    EXPECT_THROW(yativo::totp("GEZDGNBVGY3TQOJQ", 59, std::chrono::seconds(30), 5), yativo::Error);
    EXPECT_THROW(yativo::totp("GEZDGNBVGY3TQOJQ", -1), yativo::Error);
}
