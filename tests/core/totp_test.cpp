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

// RFC 4648 §10's base32 test vectors, padded and not.
TEST(Totp, Base32DecodesTheRfc4648Vectors) {
    struct Row {
        const char *encoded;
        const char *decoded;
    } rows[] = {{"MY======", "f"},        {"MZXQ====", "fo"},        {"MZXW6===", "foo"},
                {"MZXW6YQ=", "foob"},     {"MZXW6YTB", "fooba"},     {"MZXW6YTBOI======", "foobar"},
                {"mzxw6ytboi", "foobar"}, {"MZXW 6YTB-OI", "foobar"}};
    for (const auto &row : rows) {
        auto key = yativo::decode_base32_secret(row.encoded);
        EXPECT_EQ(std::string(key.begin(), key.end()), row.decoded) << row.encoded;
    }
    // A last quantum of 1, 3 or 6 symbols holds no whole byte; nothing may follow the padding.
    for (const char *bad : {"M", "MZX", "MZXW6Y", "MY======MY", "MZXW6YT0", "MZXW6YT8"})
        EXPECT_THROW(yativo::decode_base32_secret(bad), yativo::Error) << bad;
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
