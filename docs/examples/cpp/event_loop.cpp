// Many calls from one thread (docs/cpp.md, "Many calls from one thread"): a dashboard session
// lists accounts, creates three and reads their balances on one EventLoop, all in flight at once,
// with no thread per call. Reads YATIVO_BASE_URL, YATIVO_ACCESS_TOKEN and YATIVO_TOTP_SECRET;
// ctest runs it against yativo-sandbox.
#include <yativo/yativo.hpp>

#include <iostream>

int main() try {
    yativo::Client client(yativo::ClientOptions{});
    yativo::EventLoop loop;  // self-driven: run() below waits with poll()
    int failures = 0;

    // Each start() runs ordinary blocking-API calls; where they would wait, the loop moves on.
    for (const char *name : {"Payroll", "Treasury", "Fees"}) {
        loop.call(
            [&client, name] {
                yativo::Account account = client.create_account(name, "business");
                yativo::Asset asset = client.add_asset(account.id, "solana", "USDC_SOL");
                return client.check_balance(asset.id);  // a second and third call, in sequence
            },
            [&failures, name](std::optional<yativo::Balance> balance, const yativo::Error *error) {
                if (error) {
                    std::cerr << name << ": " << error->what() << "\n";
                    ++failures;
                    return;
                }
                std::cout << name << ": " << balance->balance << " " << balance->ticker << "\n";
            });
    }
    yativo::AsyncCall listing =
        loop.call([&client] { return client.list_accounts(); },
                  [&failures](std::optional<std::vector<yativo::Account>> accounts,
                              const yativo::Error *error) {
                      if (error) {
                          std::cerr << "list: " << error->what() << "\n";
                          ++failures;
                          return;
                      }
                      std::cout << "accounts before: " << accounts->size() << "\n";
                  });
    std::cout << loop.in_flight() << " calls in flight\n";
    loop.run();  // until every call has completed
    std::cout << "listing done: " << (listing.done() ? "yes" : "no") << "\n";
    return failures == 0 ? 0 : 1;
} catch (const yativo::Error &e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
}
