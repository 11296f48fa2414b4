// libyativo C++ API: include this one header.
#pragma once

#include "yativo/amount.hpp"
#include "yativo/cancel.hpp"
#include "yativo/client.hpp"
#include "yativo/defaults.hpp"
#include "yativo/event_loop.hpp"
#include "yativo/options.hpp"
#include "yativo/pager.hpp"
#include "yativo/payload.hpp"
#include "yativo/secret.hpp"
#include "yativo/status.hpp"
#include "yativo/totp.hpp"
#include "yativo/types.hpp"
#include "yativo/version.hpp"
#include "yativo/webhook.hpp"
