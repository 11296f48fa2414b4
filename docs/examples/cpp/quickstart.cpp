// The documented flow in C++: create an API key with 2FA, exchange it for a token, list
// accounts, check a balance, and send funds safely (retrying with the same idempotency key when
// the outcome is unknown). Reads YATIVO_BASE_URL, YATIVO_ACCESS_TOKEN (a dashboard session) and
// YATIVO_TOTP_SECRET from the environment; ctest runs it against yativo-sandbox.
#include <yativo/yativo.hpp>

#include <iostream>

int main() try {
    // 1. The dashboard session (bearer token + TOTP secret from the environment) creates a key.
    yativo::Client dashboard(yativo::ClientOptions{});
    yativo::ApiKey key =
        dashboard.create_api_key({"quickstart", {"read", "write", "transactions"}, 30, {}});
    std::cout << "created key " << key.id << " (" << key.api_key << ")\n";

    // 2. A service client with that key: the token exchange happens on the first call.
    yativo::ClientOptions options;
    options.api_key = key.api_key;
    options.api_secret = key.api_secret;  // a Secret: it cannot be printed by accident
    yativo::Client client(options);
    std::cout << "token expires in " << client.token().expires_in << " s\n";

    // 3. Accounts, an asset and its balance: typed records. Amounts are exact decimal text.
    yativo::Account account = client.create_account("Treasury", "business");
    yativo::Asset asset = client.add_asset(account.id, "solana", "USDC_SOL");
    std::cout << "deposit address: " << asset.address << "\n";
    yativo::Balance balance = client.check_balance(asset.id);
    std::cout << "balance: " << balance.balance << " " << balance.ticker << "\n";
    for (const yativo::Account &a : client.list_accounts())
        std::cout << "account " << a.id << " holds " << a.assets.value_or(0) << " asset(s)\n";

    // 4. Send funds. Every send carries an idempotency key; when the outcome is unknown (timeout,
    //    dropped connection), retrying with the same key can never move the money twice.
    yativo::SendFunds send;
    send.account = account.id;
    send.assets = asset.id;
    send.receiving_address = "4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T";
    send.amount = "0.1";
    send.type = "USDC";
    send.chain = "solana";
    send.category = "transfer";
    yativo::CallOptions call;
    call.idempotency_key = "quickstart-order-1";
    for (int attempt = 1; attempt <= 3; ++attempt) {
        try {
            yativo::Transfer sent = client.send_funds(send, call);
            std::cout << "sent: " << sent.id << " (fee " << sent.fee << ")\n";
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
