// `@file` expansion. Expected results follow LLVM's TokenizeGNUCommandLine
// and ExpandResponseFiles, which wasm-ld-19 uses.
// GCC 12 reports false -Warray-bounds/-Wstringop-overflow/-Wrestrict
// positives on inlined bounds-checked loops in release builds.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Warray-bounds"
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include <gtest/gtest.h>
#include <string>
#include <vector>
#include "frontend/driver/response_file.h"
#include "test/unit/test_util.h"

using toyc::driver::expandResponseFiles;
using toyc::test::TempDir;
using toyc::test::writeFile;
using Args = std::vector<std::string>;

namespace {

// Expands "@<dir>/rsp" whose content is `text`; returns the words.
Args expand(const std::string& text) {
  TempDir d;
  writeFile(d.file("rsp"), text);
  Args args = {"@" + d.file("rsp")};
  std::string err;
  EXPECT_TRUE(expandResponseFiles(args, err)) << err;
  return args;
}

}  // namespace

TEST(ResponseFile, SplitsOnWhitespace) {
  EXPECT_EQ(expand("a b\tc\nd\r\ne   f\n\n"), (Args{"a", "b", "c", "d", "e", "f"}));
  EXPECT_EQ(expand(""), Args{});
  EXPECT_EQ(expand(" \n\t "), Args{});
  EXPECT_EQ(expand("-o out.wasm --no-entry"), (Args{"-o", "out.wasm", "--no-entry"}));
}

TEST(ResponseFile, Quoting) {
  EXPECT_EQ(expand("'a b' \"c d\""), (Args{"a b", "c d"}));
  EXPECT_EQ(expand("x'a b'y\"c d\"z"), (Args{"xa byc dz"}));
  EXPECT_EQ(expand("\"it's\" 'say \"hi\"'"), (Args{"it's", "say \"hi\""}));
  EXPECT_EQ(expand("'multi\nline' next"), (Args{"multi\nline", "next"}));
  // An unterminated quote runs to the end of the file.
  EXPECT_EQ(expand("a \"b c"), (Args{"a", "b c"}));
}

TEST(ResponseFile, BackslashEscapes) {
  EXPECT_EQ(expand("a\\ b c"), (Args{"a b", "c"}));
  EXPECT_EQ(expand("\\\"q\\\""), (Args{"\"q\""}));
  EXPECT_EQ(expand("C:\\\\dir"), (Args{"C:\\dir"}));
  EXPECT_EQ(expand("\"a\\\"b\" \"c\\\\d\""), (Args{"a\"b", "c\\d"}));
  // A backslash at the very end is kept.
  EXPECT_EQ(expand("abc\\"), (Args{"abc\\"}));
  // A backslash-newline joins nothing: the newline becomes part of the word.
  EXPECT_EQ(expand("a\\\nb"), (Args{"a\nb"}));
}

TEST(ResponseFile, BackslashEscapesInsideSingleQuotes) {
  // LLVM's GNU tokenizer treats a backslash as an escape inside single quotes
  // too: wasm-ld-19 reads '--no-e\ntry' as --no-entry.
  EXPECT_EQ(expand("'a\\b' '\\''"), (Args{"ab", "'"}));
  EXPECT_EQ(expand("'--no-e\\ntry'"), (Args{"--no-entry"}));
}

TEST(ResponseFile, EmptyQuotedWordsAreDropped) {
  // LLVM only emits non-empty tokens: `x.o ''` is just x.o for wasm-ld-19.
  EXPECT_EQ(expand("x.o '' \"\" y.o"), (Args{"x.o", "y.o"}));
}

TEST(ResponseFile, Utf8ByteOrderMarkIsSkipped) {
  // LLVM drops a leading UTF-8 BOM before tokenizing.
  EXPECT_EQ(expand("\xef\xbb\xbfx.o -o out.wasm"), (Args{"x.o", "-o", "out.wasm"}));
}

TEST(ResponseFile, ExpandsInPlaceAndNested) {
  TempDir d;
  writeFile(d.file("inner"), "i1 i2");
  writeFile(d.file("outer"), "o1 @" + d.file("inner") + " o2");
  writeFile(d.file("second"), "s1");
  Args args = {"first", "@" + d.file("outer"), "mid", "@" + d.file("second"), "last"};
  std::string err;
  ASSERT_TRUE(expandResponseFiles(args, err)) << err;
  EXPECT_EQ(args, (Args{"first", "o1", "i1", "i2", "o2", "mid", "s1", "last"}));
}

TEST(ResponseFile, SameFileTwiceIsNotRecursion) {
  TempDir d;
  writeFile(d.file("r"), "x");
  Args args = {"@" + d.file("r"), "@" + d.file("r")};
  std::string err;
  ASSERT_TRUE(expandResponseFiles(args, err)) << err;
  EXPECT_EQ(args, (Args{"x", "x"}));
}

TEST(ResponseFile, NonResponseArgumentsUntouched) {
  Args args = {"@", "a@b", "-o", "x@y.wasm", ""};
  Args before = args;
  std::string err;
  ASSERT_TRUE(expandResponseFiles(args, err)) << err;
  EXPECT_EQ(args, before);
}

TEST(ResponseFile, MissingFile) {
  TempDir d;
  Args args = {"a", "@" + d.file("missing.rsp")};
  std::string err;
  EXPECT_FALSE(expandResponseFiles(args, err));
  EXPECT_NE(err.find(d.file("missing.rsp")), std::string::npos) << err;
  EXPECT_NE(err.find("No such file or directory"), std::string::npos) << err;
}

TEST(ResponseFile, MissingNestedFile) {
  TempDir d;
  writeFile(d.file("outer"), "a @" + d.file("gone"));
  Args args = {"@" + d.file("outer")};
  std::string err;
  EXPECT_FALSE(expandResponseFiles(args, err));
  EXPECT_NE(err.find(d.file("gone")), std::string::npos) << err;
}

TEST(ResponseFile, RecursionIsStopped) {
  TempDir d;
  writeFile(d.file("self"), "x @" + d.file("self"));
  Args args = {"@" + d.file("self")};
  std::string err;
  EXPECT_FALSE(expandResponseFiles(args, err));
  EXPECT_NE(err.find("recursive"), std::string::npos) << err;
  // Mutual recursion, and a file that doubles itself each time.
  writeFile(d.file("a"), "@" + d.file("b"));
  writeFile(d.file("b"), "@" + d.file("a"));
  args = {"@" + d.file("a")};
  err.clear();
  EXPECT_FALSE(expandResponseFiles(args, err));
  EXPECT_NE(err.find("recursive"), std::string::npos) << err;
  writeFile(d.file("twice"), "@" + d.file("twice") + " @" + d.file("twice"));
  args = {"@" + d.file("twice")};
  err.clear();
  EXPECT_FALSE(expandResponseFiles(args, err));
  EXPECT_FALSE(err.empty());
}

TEST(ResponseFile, DeepButFiniteNestingWorks) {
  TempDir d;
  const int depth = 50;
  for (int i = 0; i < depth; ++i)
    writeFile(d.file("r" + std::to_string(i)),
              "w" + std::to_string(i) + (i + 1 < depth ? " @" + d.file("r" + std::to_string(i + 1)) : ""));
  Args args = {"@" + d.file("r0")};
  std::string err;
  ASSERT_TRUE(expandResponseFiles(args, err)) << err;
  ASSERT_EQ(args.size(), size_t(depth));
  for (int i = 0; i < depth; ++i) EXPECT_EQ(args[size_t(i)], "w" + std::to_string(i));
}
