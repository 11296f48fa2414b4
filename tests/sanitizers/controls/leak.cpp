// Control for LeakSanitizer (with tests/sanitizers/lsan.supp loaded): must be reported as a leak.
#include <cstdlib>
#include <cstring>

void *volatile sink;

int main() {
    sink = std::malloc(64);
    std::memset(sink, 1, 64);
    sink = nullptr;
    return 0;
}
