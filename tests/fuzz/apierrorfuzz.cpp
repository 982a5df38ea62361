// SPDX-License-Identifier: GPL-3.0-or-later
// MoySklad's error bodies (and whatever a proxy answers instead), read into ApiError items and shown as one line.
#include "fuzzsupport.h"
#include "moysklad/apierror.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    FuzzSupport::initQt();
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.httpStatus = 400;
    error.items = ApiError::itemsFromBody(FuzzSupport::bytes(data, size));
    FuzzSupport::require(error.code() == (error.items.isEmpty() ? 0 : error.items.constFirst().code), "first code");
    FuzzSupport::require(error.items.isEmpty() || error.hasCode(error.items.constLast().code), "hasCode");
    FuzzSupport::require(!error.isRetryable(), "a 400 is final");
    FuzzSupport::require(!error.toString().isEmpty(), "toString");
    return 0;
}
