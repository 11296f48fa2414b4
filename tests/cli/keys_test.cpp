// keys create | list | get | set-permissions | rotate | revoke, and token: human and --json
// output, exit codes, and what is (and is not) printed.
#include "cli_fixture.hpp"

namespace clitest {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class KeysTest : public CliTest {};

TEST_F(KeysTest, CreatePrintsFactsAndTheSecretOnceLabelled) {
    CliResult r = user({"keys", "create", "--name", "ci deploy", "--permissions", "read,write",
                        "--expires-in-days", "30"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("name                     ci deploy\n"));
    EXPECT_THAT(r.out, HasSubstr("api secret (shown once)  "));
    EXPECT_THAT(r.out, HasSubstr("permissions              read, write\n"));
    EXPECT_THAT(r.out, HasSubstr("status                   active\n"));
    EXPECT_THAT(r.out, ::testing::ContainsRegex("created +[0-9]{4}-[0-9]{2}-[0-9]{2} "
                                                "[0-9]{2}:[0-9]{2}:[0-9]{2} UTC\n"));
    EXPECT_THAT(r.out, HasSubstr("last used                never\n"));
    EXPECT_THAT(r.err, HasSubstr("shown once"));
}

TEST_F(KeysTest, CreateJsonHoldsTheKeyAndItsSecret) {
    CliResult r = user({"--json", "keys", "create", "--name", "n", "--permissions", "read"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(count_lines(r.out), 1);
    rapidjson::Document doc = parse_json(r.out);
    EXPECT_FALSE(str(doc, "id").empty());
    EXPECT_FALSE(str(doc, "api_key").empty());
    EXPECT_EQ(str(doc, "api_secret").size(), 64u);
    ASSERT_TRUE(doc["permissions"].IsArray());
    EXPECT_EQ(doc["permissions"].Size(), 1u);
    EXPECT_TRUE(doc["expires_at"].IsNull());
    EXPECT_EQ(str(doc, "status"), "active");
}

TEST_F(KeysTest, CreateWithAllowedIpsSendsThemAndShowsThem) {
    CliResult r = user({"--json", "keys", "create", "--name", "pinned", "--permissions", "read",
                        "--allowed-ips", "127.0.0.1, 10.0.0.0/8"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document doc = parse_json(r.out);
    ASSERT_TRUE(doc["allowed_ips"].IsArray());
    ASSERT_EQ(doc["allowed_ips"].Size(), 2u);
    EXPECT_STREQ(doc["allowed_ips"][0].GetString(), "127.0.0.1");
    EXPECT_STREQ(doc["allowed_ips"][1].GetString(), "10.0.0.0/8");
    // The sandbox kept them: the key's own facts list them, and an open key says "any".
    CliResult got = user({"keys", "get", str(doc, "id")});
    ASSERT_EQ(got.exit_code, 0) << got.err;
    EXPECT_THAT(got.out,
                ::testing::ContainsRegex("allowed ips +127\\.0\\.0\\.1, 10\\.0\\.0\\.0/8\n"));
    CliResult open = user({"keys", "create", "--name", "open", "--permissions", "read"});
    ASSERT_EQ(open.exit_code, 0) << open.err;
    EXPECT_THAT(open.out, ::testing::ContainsRegex("allowed ips +any\n"));
    // An empty item is a usage error, before anything is sent.
    CliResult empty = user(
        {"keys", "create", "--name", "x", "--permissions", "read", "--allowed-ips", "127.0.0.1,,"});
    EXPECT_EQ(empty.exit_code, 2);
    EXPECT_THAT(empty.err, HasSubstr("--allowed-ips has an empty address"));
}

TEST_F(KeysTest, ListGetAndTokenWithTheNewKey) {
    KeyCreds k = create_key("read,write", "lister");

    CliResult list = as_key(k, {"keys", "list"});
    ASSERT_EQ(list.exit_code, 0) << list.err;
    EXPECT_THAT(list.out, HasSubstr("ID"));
    EXPECT_THAT(list.out, HasSubstr("PERMISSIONS"));
    EXPECT_THAT(list.out, HasSubstr("LAST USED"));
    EXPECT_THAT(list.out, HasSubstr(k.id));
    EXPECT_THAT(list.out, Not(HasSubstr(k.api_secret)));
    // Header and value columns line up.
    std::string header = list.out.substr(0, list.out.find('\n'));
    std::string row = list.out.substr(list.out.find('\n') + 1);
    EXPECT_EQ(header.find("NAME"), row.find("lister"));

    CliResult list_json = as_key(k, {"--json", "keys", "list"});
    ASSERT_EQ(list_json.exit_code, 0) << list_json.err;
    rapidjson::Document keys = parse_json(list_json.out);
    ASSERT_TRUE(keys.IsArray());
    ASSERT_EQ(keys.Size(), 1u);
    EXPECT_EQ(str(keys[0], "id"), k.id);
    EXPECT_FALSE(keys[0].HasMember("api_secret"));

    CliResult get = as_key(k, {"keys", "get", k.id});
    ASSERT_EQ(get.exit_code, 0) << get.err;
    EXPECT_THAT(get.out, HasSubstr("id           " + k.id + "\n"));
    EXPECT_THAT(get.out, Not(HasSubstr("api secret")));
    CliResult get_json = as_key(k, {"--json", "keys", "get", k.id});
    EXPECT_EQ(str(parse_json(get_json.out), "api_key"), k.api_key);

    CliResult token = as_key(k, {"token"});
    ASSERT_EQ(token.exit_code, 0) << token.err;
    EXPECT_THAT(token.out, HasSubstr("access token  ey"));
    EXPECT_THAT(token.out, HasSubstr("token type    Bearer\n"));
    EXPECT_THAT(token.out, HasSubstr("expires in    59 min"));
    EXPECT_THAT(token.out, HasSubstr("scopes        read, write\n"));
    CliResult token_json = as_key(k, {"--json", "token"});
    ASSERT_EQ(token_json.exit_code, 0) << token_json.err;
    rapidjson::Document t = parse_json(token_json.out);
    EXPECT_FALSE(str(t, "access_token").empty());
    EXPECT_TRUE(t["expires_in"].IsInt64());
    EXPECT_GT(t["expires_in"].GetInt64(), 3500);

    CliResult missing = as_key(k, {"keys", "get", "key_missing"});
    EXPECT_EQ(missing.exit_code, 23) << missing.err;  // NOT_FOUND
    EXPECT_THAT(missing.err, HasSubstr("NOT_FOUND"));
    EXPECT_EQ(count_lines(missing.err), 1);
    EXPECT_TRUE(missing.out.empty());
}

TEST_F(KeysTest, SetPermissionsRotateAndRevoke) {
    KeyCreds k = create_key("read,write");

    CliResult perms = user({"keys", "set-permissions", k.id, "--permissions", "read"});
    ASSERT_EQ(perms.exit_code, 0) << perms.err;
    EXPECT_THAT(perms.out, HasSubstr("permissions  read\n"));
    CliResult denied = as_key(k, {"request", "POST", "/accounts/create-account", "--data",
                                  R"({"account_name":"x","account_type":"business"})"});
    EXPECT_EQ(denied.exit_code, 22) << denied.err;  // PERMISSION_DENIED: write was taken away

    CliResult rotated = user({"--json", "keys", "rotate", k.id});
    ASSERT_EQ(rotated.exit_code, 0) << rotated.err;
    std::string new_secret = str(parse_json(rotated.out), "api_secret");
    ASSERT_EQ(new_secret.size(), 64u);
    EXPECT_NE(new_secret, k.api_secret);

    CliResult old = as_key(k, {"token"});
    EXPECT_EQ(old.exit_code, 20) << old.err;  // AUTHENTICATION
    EXPECT_THAT(old.err, HasSubstr("AUTHENTICATION"));
    EXPECT_THAT(old.err, Not(HasSubstr(k.api_secret)));
    KeyCreds fresh{k.id, k.api_key, new_secret};
    EXPECT_EQ(as_key(fresh, {"keys", "get", k.id}).exit_code, 0);

    CliResult revoked = user({"keys", "revoke", k.id});
    ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
    EXPECT_THAT(revoked.out, HasSubstr("revoked API key " + k.id));
    CliResult refused = as_key(fresh, {"--json", "keys", "list"});
    EXPECT_EQ(refused.exit_code, 20);
    EXPECT_TRUE(refused.out.empty());
    rapidjson::Document err = parse_json(refused.err);
    EXPECT_EQ(str(err["error"], "status"), "AUTHENTICATION");
    EXPECT_EQ(err["error"]["exit_code"].GetInt(), 20);
    EXPECT_EQ(err["error"]["http_status"].GetInt(), 401);

    CliResult revoked_json = user({"--json", "keys", "get", k.id});
    EXPECT_EQ(str(parse_json(revoked_json.out), "status"), "revoked");
}

TEST_F(KeysTest, HeaderAuthAndSecretsFromFileAndStdin) {
    KeyCreds k = create_key("read");
    std::string file = temp_file("secret.txt", k.api_secret + "\n");
    auto env = base_env();
    CliResult from_file = run_cli(
        {"--auth", "headers", "--api-key", k.api_key, "--api-secret", "@" + file, "keys", "list"},
        env);
    EXPECT_EQ(from_file.exit_code, 0) << from_file.err;
    EXPECT_EQ(sb_.stat("token_exchanges"), 0);  // headers mode exchanges nothing

    CliResult from_stdin =
        run_cli({"--api-key", k.api_key, "--api-secret", "-", "token"}, env, k.api_secret + "\n");
    EXPECT_EQ(from_stdin.exit_code, 0) << from_stdin.err;

    // Flags beat the environment.
    env["YATIVO_API_KEY"] = k.api_key;
    env["YATIVO_API_SECRET"] = "CANARY-wrong-secret-cli";
    CliResult flag_wins = run_cli({"--api-secret", "@" + file, "keys", "list"}, env);
    EXPECT_EQ(flag_wins.exit_code, 0) << flag_wins.err;

    // An access token from a file.
    std::string token_file = temp_file("session.txt", sb_.session_token());
    CliResult bearer = run_cli({"--access-token", "@" + token_file, "keys", "list"}, base_env());
    EXPECT_EQ(bearer.exit_code, 0) << bearer.err;
}

}  // namespace
}  // namespace clitest
