// C module "totp": RFC 6238 codes from a base32 secret.
#include <cstring>

#include "handles.hpp"
#include "yativo/defaults.hpp"
#include "yativo/totp.hpp"

extern "C" {

YV_API yv_status yv_totp(const char *base32_secret, int64_t unix_time, uint32_t period_s,
                         uint32_t digits, char *out_code, size_t out_size, yv_error **err) {
    return yv_capi::guard(err, [&] {
        if (!out_code) yv_capi::invalid("out_code is NULL");
        if (out_size > 0) out_code[0] = '\0';
        const auto secret = yv_capi::need_str(base32_secret, "base32_secret");
        if (unix_time < 0 && unix_time != YV_NOW) yv_capi::invalid("unix_time is negative");
        const int n = digits == 0 ? yativo::defaults::totp_digits : static_cast<int>(digits);
        if (n < 6 || n > 8) yv_capi::invalid("digits must be 6, 7 or 8");
        if (out_size < static_cast<size_t>(n) + 1) {
            yv_capi::invalid("out_size is too small for the code and its NUL");
        }
        std::optional<std::int64_t> at;
        if (unix_time != YV_NOW) at = unix_time;
        std::optional<std::chrono::seconds> period;
        if (period_s > 0) period = std::chrono::seconds(period_s);
        const auto code = yativo::totp(secret, at, period, n);
        std::memcpy(out_code, code.reveal().c_str(), code.reveal().size() + 1);
    });
}

}  // extern "C"
