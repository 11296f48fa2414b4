// C module "version".
#include "handles.hpp"
#include "yativo/version.hpp"

extern "C" {

YV_API const char *yv_version(void) {
    return yativo::version();
}

}  // extern "C"
