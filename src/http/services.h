// What handlers may use: the store, the metrics registry and the router (for the
// OpenAPI document). Built once by `jincai serve`; handlers get it by reference.
#pragma once

#include "store/store.h"

namespace jincai::http {

class Metrics;
class Router;

struct Services {
  store::Store& store;
  Metrics& metrics;
  const Router& router;
};

}  // namespace jincai::http
