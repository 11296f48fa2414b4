#include <gtest/gtest.h>

#include <set>

#include "yativo/status.hpp"

using yativo::Status;

// The numbers are part of the ABI: this test pins them so a renumbering cannot pass.
TEST(StatusTable, NumbersNeverChange) {
    EXPECT_EQ(static_cast<int>(Status::OK), 0);
    EXPECT_EQ(static_cast<int>(Status::INVALID_ARGUMENT), 100);
    EXPECT_EQ(static_cast<int>(Status::AUTHENTICATION), 200);
    EXPECT_EQ(static_cast<int>(Status::TWO_FACTOR_REQUIRED), 201);
    EXPECT_EQ(static_cast<int>(Status::PERMISSION_DENIED), 202);
    EXPECT_EQ(static_cast<int>(Status::NOT_FOUND), 203);
    EXPECT_EQ(static_cast<int>(Status::CONFLICT), 204);
    EXPECT_EQ(static_cast<int>(Status::VALIDATION), 205);
    EXPECT_EQ(static_cast<int>(Status::RATE_LIMITED), 206);
    EXPECT_EQ(static_cast<int>(Status::SERVER), 207);
    EXPECT_EQ(static_cast<int>(Status::NETWORK), 300);
    EXPECT_EQ(static_cast<int>(Status::TIMEOUT), 301);
    EXPECT_EQ(static_cast<int>(Status::TLS), 302);
    EXPECT_EQ(static_cast<int>(Status::PROTOCOL), 303);
    EXPECT_EQ(static_cast<int>(Status::SIGNATURE_INVALID), 400);
    EXPECT_EQ(static_cast<int>(Status::CANCELLED), 500);
    EXPECT_EQ(static_cast<int>(Status::NO_MEMORY), 501);
    EXPECT_EQ(static_cast<int>(Status::INTERNAL), 502);
}

TEST(StatusTable, NamesAndDescriptionsAreUnique) {
    std::set<std::string> names, numbers;
#define YV_STATUS(name, number, py, doc)                                 \
    EXPECT_TRUE(names.insert(yativo::status_name(Status::name)).second); \
    EXPECT_TRUE(numbers.insert(std::to_string(number)).second);          \
    EXPECT_STREQ(yativo::status_name(Status::name), #name);              \
    EXPECT_GT(std::string(yativo::status_description(Status::name)).size(), 3u);
#include "yativo/status.def"
#undef YV_STATUS
    EXPECT_STREQ(yativo::status_name(static_cast<Status>(12345)), "UNKNOWN");
}
