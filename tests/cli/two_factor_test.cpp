// 2FA from the command line: computed from a TOTP secret, given as a code, or missing.
#include "cli_fixture.hpp"

namespace clitest {
namespace {

using ::testing::HasSubstr;

class TwoFactorTest : public CliTest {};

TEST_F(TwoFactorTest, WithoutACodeExitsWithTheTwoFactorCodeAndSendsNothing) {
    auto env = base_env();
    env["YATIVO_ACCESS_TOKEN"] = sb_.session_token();
    long before = requests();
    CliResult r = run_cli({"keys", "create", "--name", "n", "--permissions", "read"}, env);
    EXPECT_EQ(r.exit_code, 21) << r.err;  // TWO_FACTOR_REQUIRED
    EXPECT_THAT(r.err, HasSubstr("TWO_FACTOR_REQUIRED"));
    EXPECT_THAT(r.err, HasSubstr("--totp-secret"));
    EXPECT_EQ(count_lines(r.err), 1);
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(requests(), before);
}

TEST_F(TwoFactorTest, TwoCommandsInARowFromSeparateProcessesBothSucceed) {
    // The second process computes the code of the step the first one used; the server refuses
    // it as reused and the core retries once with the next step.
    CliResult first = user({"--json", "keys", "create", "--name", "one", "--permissions", "read"});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    CliResult second = user({"--json", "keys", "create", "--name", "two", "--permissions", "read"});
    ASSERT_EQ(second.exit_code, 0) << second.err;
    CliResult third = user({"keys", "revoke", str(parse_json(first.out), "id")});
    EXPECT_EQ(third.exit_code, 0) << third.err;
}

TEST_F(TwoFactorTest, AWaitForTheNextStepIsSaidOnStderr) {
    // Back-to-back 2FA commands share a TOTP step; the later one waits for the next step and
    // says so. A command may land in a fresh step by chance, so a few are run: one right after a
    // wait always shares the step of the one before.
    bool said = false;
    for (int i = 0; i < 4 && !said; ++i) {
        CliResult r = user({"--json", "keys", "create", "--name", "w" + std::to_string(i),
                            "--permissions", "read"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        said = r.err.find("yativo: waiting ") != std::string::npos;
        if (said) {
            EXPECT_THAT(r.err, HasSubstr(" s for the next 2FA code"));
            EXPECT_NO_THROW(parse_json(r.out));  // stdout stays the JSON result
        }
    }
    EXPECT_TRUE(said) << "no command said it waited for the next TOTP step";
}

TEST_F(TwoFactorTest, AnExplicitCodeFromStdinWorksOnceAndAReusedOneIsRefused) {
    auto env = base_env();
    env["YATIVO_ACCESS_TOKEN"] = sb_.session_token();
    std::string code = sb_.totp_now();
    CliResult ok =
        run_cli({"--totp", "-", "keys", "create", "--name", "a", "--permissions", "read"}, env,
                code + "\n");
    ASSERT_EQ(ok.exit_code, 0) << ok.err;
    CliResult reused = run_cli(
        {"--json", "--totp", code, "keys", "create", "--name", "b", "--permissions", "read"}, env);
    EXPECT_EQ(reused.exit_code, 21) << reused.err;
    EXPECT_THAT(reused.err, ::testing::Not(HasSubstr(code)));  // a code is a secret too
    rapidjson::Document err = parse_json(reused.err);
    EXPECT_EQ(str(err["error"], "error_code"), "two_factor_invalid");
}

}  // namespace
}  // namespace clitest
