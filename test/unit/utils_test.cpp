// utils/: the Interner, typed indices, file I/O and parallelFor.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <atomic>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>
#include "test/unit/test_util.h"
#include "utils/file_io.h"
#include "utils/index.h"
#include "utils/intern.h"
#include "utils/parallel.h"

using namespace toyc;
using toyc::test::TempDir;

// ---------------------------------------------------------------- Interner

TEST(Interner, IdsAreStableAndDistinct) {
  Interner in;
  StrId a = in.intern("alpha");
  StrId b = in.intern("beta");
  StrId a2 = in.intern(std::string("alp") + "ha");
  EXPECT_TRUE(a.valid());
  EXPECT_TRUE(b.valid());
  EXPECT_EQ(a, a2);
  EXPECT_NE(a, b);
  EXPECT_EQ(in.str(a), "alpha");
  EXPECT_EQ(in.str(b), "beta");
  EXPECT_EQ(in.size(), 2u);
  // Ids are dense, in first-intern order.
  EXPECT_EQ(a.v, 0u);
  EXPECT_EQ(b.v, 1u);
}

TEST(Interner, FindDoesNotAdd) {
  Interner in;
  EXPECT_FALSE(in.find("x").valid());
  EXPECT_EQ(in.size(), 0u);
  StrId x = in.intern("x");
  EXPECT_EQ(in.find("x"), x);
  EXPECT_FALSE(in.find("y").valid());
  EXPECT_FALSE(in.find("xx").valid());
  EXPECT_FALSE(in.find("").valid());
  EXPECT_EQ(in.size(), 1u);
}

TEST(Interner, EmptyPrefixAndEmbeddedNulStringsAreDistinct) {
  Interner in;
  std::vector<std::string> strs = {"", "a", "ab", "abc", std::string("a\0", 2), std::string("\0", 1),
                                   std::string("ab\0c", 4), "abcdefgh", "abcdefghi", "abcdefgh\x01"};
  std::vector<StrId> ids;
  for (auto& s : strs) ids.push_back(in.intern(s));
  EXPECT_EQ(in.size(), strs.size());
  for (size_t i = 0; i < strs.size(); ++i) {
    EXPECT_EQ(in.str(ids[i]), strs[i]) << i;
    EXPECT_EQ(in.find(strs[i]), ids[i]) << i;
    for (size_t j = 0; j < i; ++j) EXPECT_NE(ids[i], ids[j]);
  }
}

TEST(Interner, CopiesTheBytes) {
  Interner in;
  std::string s = "mutable";
  StrId id = in.intern(s);
  s[0] = 'M';
  EXPECT_EQ(in.str(id), "mutable");
  EXPECT_NE(in.str(id).data(), s.data());
  EXPECT_FALSE(in.find("Mutable").valid());
}

TEST(Interner, ManyStringsSurviveGrowth) {
  Interner in;
  const uint32_t n = 200000;
  std::vector<StrId> ids;
  ids.reserve(n);
  StrId first = in.intern("sym_0");
  const char* firstData = in.str(first).data();
  ids.push_back(first);
  for (uint32_t i = 1; i < n; ++i) ids.push_back(in.intern("sym_" + std::to_string(i)));
  ASSERT_EQ(in.size(), n);
  for (uint32_t i = 0; i < n; ++i) {
    ASSERT_EQ(ids[i].v, i);
    ASSERT_EQ(in.str(ids[i]), "sym_" + std::to_string(i));
    ASSERT_EQ(in.find("sym_" + std::to_string(i)), ids[i]);
    ASSERT_EQ(in.intern("sym_" + std::to_string(i)), ids[i]);
  }
  EXPECT_EQ(in.size(), n);
  // Views handed out earlier stay valid: the arena never moves bytes.
  EXPECT_EQ(in.str(first).data(), firstData);
  EXPECT_FALSE(in.find("sym_" + std::to_string(n)).valid());
}

TEST(Interner, LongStringsAndChunkBoundaries) {
  Interner in;
  std::vector<std::string> strs;
  for (size_t len : {size_t(16383), size_t(16384), size_t(16385), size_t(65535), size_t(65536), size_t(65537),
                     size_t(200000)})
    strs.push_back(std::string(len, char('a' + len % 26)) + std::to_string(len));
  // Medium strings that fill 64 KiB chunks unevenly.
  for (int i = 0; i < 300; ++i) strs.push_back(std::string(997 + i % 13, char('A' + i % 26)) + std::to_string(i));
  std::vector<StrId> ids;
  std::vector<const char*> ptrs;
  for (auto& s : strs) {
    ids.push_back(in.intern(s));
    ptrs.push_back(in.str(ids.back()).data());
    in.intern("short" + std::to_string(ids.size()));  // interleave small ones
  }
  for (size_t i = 0; i < strs.size(); ++i) {
    // (Compared as bools: printing 200 KB strings on failure is useless.)
    ASSERT_TRUE(in.str(ids[i]) == strs[i]) << "string " << i << " (length " << strs[i].size()
                                           << ") reads back as \"" << in.str(ids[i]).substr(0, 40) << "...\"";
    ASSERT_EQ(in.str(ids[i]).data(), ptrs[i]) << i;
    ASSERT_EQ(in.find(strs[i]), ids[i]) << i;
  }
}

TEST(Interner, LongStringInternedFirstIsNotOverwritten) {
  // A string longer than a quarter chunk (16 KiB) gets its own arena chunk.
  // When it is the first string, later short strings must not be copied
  // into that chunk.
  Interner in;
  const std::string big(20000, 'x');
  StrId b = in.intern(big);
  StrId y = in.intern("y");
  EXPECT_EQ(in.str(y), "y");
  EXPECT_TRUE(in.str(b) == big) << "long string now starts with \"" << in.str(b).substr(0, 8) << "\"";
  EXPECT_EQ(in.find(big), b);
  EXPECT_EQ(in.intern(big), b);
  EXPECT_EQ(in.size(), 2u);
}

TEST(Interner, DefaultStringViewIsTheEmptyString) {
  // Readers return std::string_view() (a null pointer) for failed names.
  Interner in;
  StrId a = in.intern(std::string_view());
  StrId b = in.intern("");
  EXPECT_EQ(a, b);
  EXPECT_EQ(in.str(a), "");
  EXPECT_EQ(in.find(std::string_view()), a);
}

// ------------------------------------------------------------ Idx, IdxVec

namespace {
struct FooTag;
struct BarTag;
using FooIdx = Idx<FooTag>;
using BarIdx = Idx<BarTag>;
}  // namespace

TEST(IdxVec, IdxBasics) {
  FooIdx none;
  EXPECT_FALSE(none.valid());
  EXPECT_FALSE(bool(none));
  EXPECT_EQ(none.v, FooIdx::kNone);
  FooIdx a(3), b(3), c(4);
  EXPECT_TRUE(a.valid());
  EXPECT_TRUE(bool(FooIdx(0)));
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_TRUE(a < c);
  EXPECT_FALSE(c < a);
  static_assert(!std::is_convertible_v<FooIdx, BarIdx>, "distinct index types must not convert");
  static_assert(!std::is_convertible_v<uint32_t, FooIdx>, "raw integers must not convert implicitly");
  static_assert(sizeof(FooIdx) == sizeof(uint32_t));
}

TEST(IdxVec, PushIndexIterate) {
  IdxVec<FooIdx, std::string> v;
  EXPECT_TRUE(v.empty());
  FooIdx a = v.push("a");
  FooIdx b = v.push("b");
  FooIdx c = v.push("c");
  EXPECT_EQ(a.v, 0u);
  EXPECT_EQ(b.v, 1u);
  EXPECT_EQ(c.v, 2u);
  EXPECT_EQ(v.size(), 3u);
  EXPECT_FALSE(v.empty());
  EXPECT_EQ(v[b], "b");
  v[b] = "B";
  const auto& cv = v;
  EXPECT_EQ(cv[b], "B");
  EXPECT_EQ(v.back(), "c");
  std::string all;
  for (const auto& s : cv) all += s;
  EXPECT_EQ(all, "aBc");
  v.resize(5, "z");
  EXPECT_EQ(v.size(), 5u);
  EXPECT_EQ(v[FooIdx(4)], "z");
  EXPECT_EQ(v.raw().size(), 5u);
  v.clear();
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(v.push("again").v, 0u);
}

// ----------------------------------------------------------------- file I/O

TEST(FileIo, WriteFileAtomicWritesBytes) {
  TempDir d;
  ASSERT_FALSE(d.path().empty());
  std::vector<uint8_t> data(100000);
  for (size_t i = 0; i < data.size(); ++i) data[i] = uint8_t(i * 7);
  std::string err;
  ASSERT_TRUE(writeFileAtomic(d.file("out.wasm"), data, err)) << err;
  EXPECT_TRUE(err.empty());
  std::string got = toyc::test::readFile(d.file("out.wasm"));
  ASSERT_EQ(got.size(), data.size());
  EXPECT_EQ(0, memcmp(got.data(), data.data(), data.size()));
  EXPECT_EQ(d.list(), std::vector<std::string>{"out.wasm"});
}

TEST(FileIo, WriteFileAtomicEmpty) {
  TempDir d;
  std::string err;
  ASSERT_TRUE(writeFileAtomic(d.file("empty"), {}, err)) << err;
  EXPECT_TRUE(fileExists(d.file("empty")));
  EXPECT_EQ(toyc::test::readFile(d.file("empty")), "");
  EXPECT_EQ(d.list(), std::vector<std::string>{"empty"});
}

TEST(FileIo, WriteFileAtomicReplacesAtomically) {
  TempDir d;
  std::string path = d.file("out.wasm");
  toyc::test::writeFile(path, std::string(5000, 'x'));
  struct stat before;
  ASSERT_EQ(stat(path.c_str(), &before), 0);
  // A reader that has the old file open keeps seeing the old contents: the
  // new file is renamed over it, never written in place.
  std::string err;
  auto old = MappedFile::open(path, err);
  ASSERT_TRUE(old) << err;
  std::vector<uint8_t> data = {'n', 'e', 'w'};
  ASSERT_TRUE(writeFileAtomic(path, data, err)) << err;
  EXPECT_EQ(toyc::test::readFile(path), "new");
  ASSERT_EQ(old->bytes().size(), 5000u);
  EXPECT_EQ(old->bytes()[4999], 'x');
  struct stat after;
  ASSERT_EQ(stat(path.c_str(), &after), 0);
  EXPECT_NE(before.st_ino, after.st_ino);
  EXPECT_EQ(d.list(), std::vector<std::string>{"out.wasm"});
}

TEST(FileIo, WriteFileAtomicFailsCleanlyWhenParentIsMissingOrAFile) {
  TempDir d;
  std::vector<uint8_t> data = {1, 2, 3};
  std::string err;
  EXPECT_FALSE(writeFileAtomic(d.file("no/such/dir/out.wasm"), data, err));
  EXPECT_NE(err.find("no/such/dir/out.wasm"), std::string::npos) << err;
  EXPECT_TRUE(d.list().empty());
  // A parent that is a regular file (fails even for root).
  toyc::test::writeFile(d.file("plain"), "data");
  err.clear();
  EXPECT_FALSE(writeFileAtomic(d.file("plain/out.wasm"), data, err));
  EXPECT_FALSE(err.empty());
  EXPECT_EQ(d.list(), std::vector<std::string>{"plain"});
  EXPECT_EQ(toyc::test::readFile(d.file("plain")), "data");
}

TEST(FileIo, WriteFileAtomicFailsCleanlyWhenTargetIsADirectory) {
  TempDir d;
  ASSERT_EQ(mkdir(d.file("out").c_str(), 0755), 0);
  std::vector<uint8_t> data = {1, 2, 3};
  std::string err;
  EXPECT_FALSE(writeFileAtomic(d.file("out"), data, err));
  EXPECT_NE(err.find(d.file("out")), std::string::npos) << err;
  // The temporary file is gone; the directory is untouched.
  EXPECT_EQ(d.list(), std::vector<std::string>{"out"});
  EXPECT_TRUE(TempDir::listDir(d.file("out")).empty());
}

TEST(FileIo, WriteFileAtomicFailsCleanlyInUnwritableDir) {
  if (geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions (covered by the not-a-directory test)";
  TempDir d;
  std::string dir = d.file("ro");
  ASSERT_EQ(mkdir(dir.c_str(), 0555), 0);
  std::vector<uint8_t> data = {1};
  std::string err;
  EXPECT_FALSE(writeFileAtomic(dir + "/out.wasm", data, err));
  EXPECT_NE(err.find("out.wasm"), std::string::npos) << err;
  EXPECT_TRUE(TempDir::listDir(dir).empty());
}

TEST(FileIo, MappedFileEmptyMissingDirectory) {
  TempDir d;
  toyc::test::writeFile(d.file("empty"), "");
  std::string err;
  auto f = MappedFile::open(d.file("empty"), err);
  ASSERT_TRUE(f) << err;
  EXPECT_EQ(f->bytes().size(), 0u);
  EXPECT_EQ(f->path(), d.file("empty"));

  err.clear();
  EXPECT_EQ(MappedFile::open(d.file("missing"), err), nullptr);
  EXPECT_EQ(err, "No such file or directory");

  err.clear();
  EXPECT_EQ(MappedFile::open(d.path(), err), nullptr);
  EXPECT_EQ(err, "is a directory");

  EXPECT_TRUE(fileExists(d.file("empty")));
  EXPECT_FALSE(fileExists(d.file("missing")));
  EXPECT_FALSE(fileExists(d.path()));
}

TEST(FileIo, MappedFileReadsRegularAndSpecialFiles) {
  TempDir d;
  std::string text(70000, 'q');
  text[12345] = 'Z';
  toyc::test::writeFile(d.file("f"), text);
  std::string err;
  auto f = MappedFile::open(d.file("f"), err);
  ASSERT_TRUE(f) << err;
  ASSERT_EQ(f->bytes().size(), text.size());
  EXPECT_EQ(f->bytes()[12345], 'Z');
  // A character device is read, not mapped. Some sandboxes replace /dev/null with a regular file
  // that collects stray output, so the device is checked only when it really is one.
  struct stat st{};
  if (::stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode)) {
    auto n = MappedFile::open("/dev/null", err);
    ASSERT_TRUE(n) << err;
    EXPECT_EQ(n->bytes().size(), 0u);
  }
  // A FIFO whose writer sends nothing reads as empty.
  std::string emptyFifo = d.file("empty-fifo");
  ASSERT_EQ(mkfifo(emptyFifo.c_str(), 0600), 0);
  std::thread closer([&] {
    int fd = ::open(emptyFifo.c_str(), O_WRONLY);
    if (fd >= 0) ::close(fd);
  });
  auto e = MappedFile::open(emptyFifo, err);
  closer.join();
  ASSERT_TRUE(e) << err;
  EXPECT_EQ(e->bytes().size(), 0u);
  // A FIFO (e.g. a response file from process substitution) is read fully.
  std::string fifo = d.file("fifo");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  std::string payload(100000, 'p');
  std::thread writer([&] {
    int fd = ::open(fifo.c_str(), O_WRONLY);
    if (fd < 0) return;
    size_t done = 0;
    while (done < payload.size()) {
      ssize_t k = ::write(fd, payload.data() + done, payload.size() - done);
      if (k <= 0) break;
      done += size_t(k);
    }
    ::close(fd);
  });
  auto p = MappedFile::open(fifo, err);
  writer.join();
  ASSERT_TRUE(p) << err;
  EXPECT_EQ(p->bytes().size(), payload.size());
}

// ------------------------------------------------------------- parallelFor

namespace {
class ParallelTest : public ::testing::Test {
protected:
  void TearDown() override { setThreadCount(0); }
};
}  // namespace

TEST_F(ParallelTest, EveryIndexExactlyOnce) {
  for (unsigned threads : {1u, 2u, 3u, 4u, 8u, 17u, 64u}) {
    setThreadCount(threads);
    EXPECT_EQ(threadCount(), threads);
    for (size_t n : {size_t(0), size_t(1), size_t(15), size_t(16), size_t(63), size_t(64), size_t(65),
                     size_t(127), size_t(1000), size_t(4097), size_t(100003)}) {
      std::vector<std::atomic<int>> hits(n);
      parallelFor(0, n, [&](size_t i) { hits[i].fetch_add(1, std::memory_order_relaxed); });
      size_t bad = 0;
      for (size_t i = 0; i < n; ++i)
        if (hits[i].load() != 1) ++bad;
      EXPECT_EQ(bad, 0u) << "threads=" << threads << " n=" << n;
    }
  }
}

TEST_F(ParallelTest, NonZeroBeginAndEmptyRanges) {
  for (unsigned threads : {1u, 4u}) {
    setThreadCount(threads);
    std::vector<std::atomic<int>> hits(20000);
    parallelFor(1000, 15000, [&](size_t i) { hits[i].fetch_add(1); });
    for (size_t i = 0; i < hits.size(); ++i) ASSERT_EQ(hits[i].load(), (i >= 1000 && i < 15000) ? 1 : 0) << i;
    std::atomic<int> calls{0};
    parallelFor(5, 5, [&](size_t) { ++calls; });
    parallelFor(10, 3, [&](size_t) { ++calls; });
    EXPECT_EQ(calls.load(), 0);
  }
}

TEST_F(ParallelTest, ResultsIndependentOfThreadCount) {
  auto run = [](unsigned threads) {
    setThreadCount(threads);
    std::vector<uint64_t> out(50000);
    parallelFor(0, out.size(), [&](size_t i) {
      uint64_t h = i * 0x9e3779b97f4a7c15ull;
      for (size_t k = 0; k < (i % 37); ++k) h = (h ^ (h >> 31)) * 0xbf58476d1ce4e5b9ull;
      out[i] = h;
    });
    return out;
  };
  auto ref = run(1);
  for (unsigned t : {2u, 3u, 5u, 8u, 32u}) EXPECT_EQ(run(t), ref) << "threads=" << t;
}

TEST_F(ParallelTest, ThreadCountDefaultsToHardware) {
  setThreadCount(0);
  unsigned hw = std::thread::hardware_concurrency();
  EXPECT_GE(threadCount(), 1u);
  if (hw) {
    EXPECT_EQ(threadCount(), hw);
  }
  setThreadCount(5);
  EXPECT_EQ(threadCount(), 5u);
}
