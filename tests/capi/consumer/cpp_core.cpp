// C++ users get the core: yativo::cpp from the installed package.
#include <yativo/yativo.hpp>

#include <iostream>

int main() {
    const auto code =
        yativo::totp("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59, std::chrono::seconds(30), 8);
    std::cout << "libyativo " << yativo::version() << " (C++), code " << code.reveal() << "\n";
    return code.reveal() == "94287082" ? 0 : 1;
}
