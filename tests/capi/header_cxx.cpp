// yativo.h must compile on its own as C++17 (-Wall -Wextra -pedantic -Werror), inside extern "C".
#include <yativo.h>

int yv_header_cxx_check();
int yv_header_cxx_check() {
    yv_status st = YV_E_INVALID_ARGUMENT;
    return static_cast<int>(st) + YV_VERSION_MAJOR + YV_TOTP_CODE_SIZE;
}
