// The documented flow in C++: create an API key with 2FA, exchange it for a token, list
// accounts, check a balance, and send funds safely (retrying with the same idempotency key when
// the outcome is unknown). Reads YATIVO_BASE_URL, YATIVO_ACCESS_TOKEN (a dashboard session) and
// YATIVO_TOTP_SECRET from the environment; ctest runs it against yativo-sandbox.
#include <yativo/yativo.hpp>

#include <iostream>

int main() try {
    // 1. The dashboard session (bearer token + TOTP secret from the environment) creates a key.
    yativo::Client dashboard(yativo::ClientOptions{});
    yativo::ApiKey key = dashboard.create_api_key({"quickstart", {"read", "write", "transactions"}, 30});
    std::cout << "created key " << key.id << " (" << key.api_key << ")\n";

    // 2. A service client with that key: the token exchange happens on the first call.
    yativo::ClientOptions options;
    options.api_key = key.api_key;
    options.api_secret = key.api_secret;  // a Secret: it cannot be printed by accident
    yativo::Client client(options);
    std::cout << "token expires in " << client.token().expires_in << " s\n";

    // 3. Accounts, an asset and its balance. Amounts are exact decimal strings.
    auto account = client.create_account("Treasury", "business");
    auto asset = client.add_asset(account.get_string("account_id"), "solana", "USDC_SOL");
    auto balance = client.check_balance(asset.get_string("asset_id"));
    std::cout << "balance: " << balance.get_string("balance") << "\n";
    std::cout << "accounts: " << client.list_accounts().json().size() << " bytes of JSON\n";

    // 4. Send funds. Every send carries an idempotency key; when the outcome is unknown (timeout,
    //    dropped connection), retrying with the same key can never move the money twice.
    yativo::SendFunds send;
    send.account = account.get_string("account_id");
    send.assets = asset.get_string("asset_id");
    send.receiving_address = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T";
    send.amount = "0.1";
    send.type = "USDC";
    send.chain = "solana";
    send.category = "transfer";
    yativo::CallOptions call;
    call.idempotency_key = "quickstart-order-1";
    for (int attempt = 1; attempt <= 3; ++attempt) {
        try {
            auto result = client.send_funds(send, call);
            std::cout << "sent: " << result.payload.get_string("transaction_id") << "\n";
            break;
        } catch (const yativo::Error &e) {
            if (e.outcome_unknown) continue;  // same key: safe to retry
            if (e.error_code == "insufficient_balance") {
                std::cout << "not sent: " << e.message() << "\n";  // a new asset holds 0
                break;
            }
            throw;
        }
    }
    return 0;
} catch (const yativo::Error &e) {
    std::cerr << yativo::status_name(e.code()) << ": " << e.message() << "\n";
    return 1;
}
