#pragma once

namespace yativo {
const char *version() noexcept;
}
