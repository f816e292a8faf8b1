#include "link/linker.h"
#include <chrono>
#include "utils/diag.h"
#include "utils/log.h"
#include "utils/parallel.h"

namespace toyc::link {

Linker::Linker(LinkOptions o) : opts(std::move(o)) {}
Linker::~Linker() = default;

// Logs how long each phase took under --log=time (or --verbose).
bool Linker::run() {
  auto ok = [] { return !Diag::get().failed(); };
  PhaseTimer phase;
  setThreadCount(opts.threads);
  createSyntheticSymbols();
  loadInputs();
  phase("load inputs");
  if (!ok()) return false;
  pullRequiredSymbols();
  writeWhyExtract();
  defineOptionalSymbols();
  handleEntryAndExports();
  checkSignatures();
  phase("resolve");
  if (!ok()) return false;
  markLive();
  reportUndefined();
  createCommandExportWrappers();
  checkFeatures();
  phase("gc");
  if (!ok()) return false;
  mergeProducers();
  assignTypes();
  assignFunctions();
  cacheFunctionIndices();
  assignGlobals();
  layoutTable();
  layoutMemory();
  cacheDataAddresses();
  fillGotEntries();
  layoutCustomSections();
  computeExports();
  buildSynthetics();
  phase("layout");
  if (!ok()) return false;
  if (!relocateCode()) return false;
  phase("relocate code");
  std::vector<uint8_t> bytes = writeModule();
  phase("write module");
  std::string err;
  if (!writeFileAtomic(opts.output, bytes, err)) {
    error(err);
    return false;
  }
  phase("write file");
  TOYC_LOG(Link, "wrote {} ({} bytes, {} units, {} functions)", opts.output, bytes.size(), units.size(),
           outFuncs.size());
  return ok();
}

}  // namespace toyc::link
