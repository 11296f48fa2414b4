/* yativo.h must compile on its own as strict C99 (-std=c99 -Wall -Wextra -pedantic -Werror). */
#include <yativo.h>

int yv_header_c99_check(void);
int yv_header_c99_check(void) {
    yv_status st = YV_E_INVALID_ARGUMENT;
    return (int)st + YV_VERSION_MAJOR + YV_TOTP_CODE_SIZE;
}
