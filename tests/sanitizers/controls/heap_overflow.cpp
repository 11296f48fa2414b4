// Control for the ASan run: must be reported as a heap-buffer-overflow.
#include <cstdlib>

int main(int argc, char **) {
    char *p = static_cast<char *>(std::malloc(8));
    p[8 + argc - 1] = 1;
    const int r = p[0];
    std::free(p);
    return r;
}
