// Control for UBSan: the finding fixed in capi/src (an out-of-range enum loaded in C++) must be
// reported, as it was before the fix.
#include <cstring>

enum Mode { kA = 0, kB = 1 };

int use(Mode m) { return m == kB ? 2 : 3; }

int main(int argc, char **) {
    int raw = 6 + argc;
    Mode m;
    std::memcpy(&m, &raw, sizeof m);
    return use(m);
}
