// Control for the TSan run (with tests/sanitizers/tsan.supp loaded): must be reported as a data
// race.
#include <thread>

int counter = 0;

int main() {
    std::thread a([] { for (int i = 0; i < 1000; ++i) ++counter; });
    std::thread b([] { for (int i = 0; i < 1000; ++i) ++counter; });
    a.join();
    b.join();
    return counter > 0 ? 0 : 1;
}
