/*
 * ort_run: runs one ONNX model through the ONNX Runtime C API on raw tensor files.
 *
 * usage: ort_run MODEL OUTDIR [NAME TYPE SHAPE FILE]...
 *   NAME   model input name
 *   TYPE   ONNX element type code (TensorProto.DataType: 1 float, 2 uint8, 3 int8, 6 int32, ...)
 *   SHAPE  dimensions separated by commas ("2,3"); "scalar" for a rank-0 tensor
 *   FILE   the tensor's elements as raw little-endian bytes
 * For every model output i it writes OUTDIR/output_<i>.bin (raw bytes) and OUTDIR/output_<i>.txt
 * (three lines: name, element type code, shape as above). Exit status 0 on success; any ONNX
 * Runtime error is printed with its message and gives exit status 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "onnxruntime_c_api.h"

#define MAX_DIMS 16

static const OrtApi *ort;

static void check(OrtStatus *status, const char *what) {
  if (status != NULL) {
    fprintf(stderr, "ort_run: %s failed: %s\n", what, ort->GetErrorMessage(status));
    ort->ReleaseStatus(status);
    exit(1);
  }
}

static void fail(const char *message, const char *detail) {
  fprintf(stderr, "ort_run: %s%s\n", message, detail);
  exit(2);
}

static size_t element_size(int type) {
  switch (type) {
    case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8: case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT8:
    case ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL: return 1;
    case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT16: case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT16:
    case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT16: case ONNX_TENSOR_ELEMENT_DATA_TYPE_BFLOAT16: return 2;
    case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT: case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32:
    case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT32: return 4;
    case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64: case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT64:
    case ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE: return 8;
    default: return 0; /* strings and packed sub-byte types are not supported */
  }
}

static size_t parse_shape(const char *text, int64_t *dims) {
  size_t n = 0;
  if (strcmp(text, "scalar") == 0) return 0;
  for (const char *p = text; *p != '\0'; p++) {
    char *end;
    if (n == MAX_DIMS) fail("too many dimensions: ", text);
    dims[n++] = strtoll(p, &end, 10);
    if (end == p || (*end != ',' && *end != '\0') || dims[n - 1] < 0) fail("bad shape: ", text);
    p = end;
    if (*p == '\0') break;
  }
  return n;
}

static void *read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) fail("cannot open ", path);
  fseek(f, 0, SEEK_END);
  *size = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  void *data = malloc(*size > 0 ? *size : 1);
  if (data == NULL || fread(data, 1, *size, f) != *size) fail("cannot read ", path);
  fclose(f);
  return data;
}

static void write_output(const char *dir, size_t index, const char *name, OrtValue *value) {
  OrtTensorTypeAndShapeInfo *info;
  ONNXTensorElementDataType type;
  size_t rank, count;
  int64_t dims[MAX_DIMS];
  void *data;
  char path[4096];
  check(ort->GetTensorTypeAndShape(value, &info), "GetTensorTypeAndShape");
  check(ort->GetTensorElementType(info, &type), "GetTensorElementType");
  check(ort->GetDimensionsCount(info, &rank), "GetDimensionsCount");
  if (rank > MAX_DIMS) fail("output rank too large: ", name);
  check(ort->GetDimensions(info, dims, rank), "GetDimensions");
  check(ort->GetTensorShapeElementCount(info, &count), "GetTensorShapeElementCount");
  ort->ReleaseTensorTypeAndShapeInfo(info);
  if (element_size(type) == 0) fail("unsupported output element type: ", name);
  check(ort->GetTensorMutableData(value, &data), "GetTensorMutableData");

  snprintf(path, sizeof path, "%s/output_%zu.bin", dir, index);
  FILE *f = fopen(path, "wb");
  if (f == NULL || fwrite(data, element_size(type), count, f) != count || fclose(f) != 0) fail("cannot write ", path);

  snprintf(path, sizeof path, "%s/output_%zu.txt", dir, index);
  f = fopen(path, "w");
  if (f == NULL) fail("cannot write ", path);
  fprintf(f, "%s\n%d\n", name, (int)type);
  if (rank == 0) fputs("scalar", f);
  for (size_t d = 0; d < rank; d++) fprintf(f, d == 0 ? "%lld" : ",%lld", (long long)dims[d]);
  fputc('\n', f);
  if (fclose(f) != 0) fail("cannot write ", path);
}

int main(int argc, char **argv) {
  if (argc < 3 || (argc - 3) % 4 != 0) {
    fprintf(stderr, "usage: %s MODEL OUTDIR [NAME TYPE SHAPE FILE]...\n", argv[0]);
    return 2;
  }
  ort = OrtGetApiBase()->GetApi(ORT_API_VERSION);
  if (ort == NULL) fail("this ONNX Runtime does not offer the API version of the headers", "");

  OrtEnv *env;
  OrtSessionOptions *options;
  OrtSession *session;
  OrtMemoryInfo *memory;
  OrtAllocator *allocator;
  check(ort->CreateEnv(ORT_LOGGING_LEVEL_WARNING, "ort_run", &env), "CreateEnv");
  check(ort->CreateSessionOptions(&options), "CreateSessionOptions");
  check(ort->SetIntraOpNumThreads(options, 1), "SetIntraOpNumThreads");
  check(ort->CreateSession(env, argv[1], options, &session), "CreateSession");
  check(ort->CreateCpuMemoryInfo(OrtArenaAllocator, OrtMemTypeDefault, &memory), "CreateCpuMemoryInfo");
  check(ort->GetAllocatorWithDefaultOptions(&allocator), "GetAllocatorWithDefaultOptions");

  size_t n_in = (size_t)(argc - 3) / 4, n_out;
  const char **in_names = calloc(n_in + 1, sizeof *in_names);
  OrtValue **inputs = calloc(n_in + 1, sizeof *inputs);
  void **buffers = calloc(n_in + 1, sizeof *buffers);
  for (size_t i = 0; i < n_in; i++) {
    char **a = argv + 3 + 4 * i;
    int64_t dims[MAX_DIMS];
    size_t rank = parse_shape(a[2], dims), size, count = 1;
    int type = atoi(a[1]);
    for (size_t d = 0; d < rank; d++) count *= (size_t)dims[d];
    if (element_size(type) == 0) fail("unsupported element type: ", a[1]);
    buffers[i] = read_file(a[3], &size);
    if (size != count * element_size(type)) fail("file size does not match type and shape: ", a[3]);
    in_names[i] = a[0];
    check(ort->CreateTensorWithDataAsOrtValue(memory, buffers[i], size, dims, rank,
                                              (ONNXTensorElementDataType)type, &inputs[i]),
          "CreateTensorWithDataAsOrtValue");
  }

  check(ort->SessionGetOutputCount(session, &n_out), "SessionGetOutputCount");
  char **out_names = calloc(n_out + 1, sizeof *out_names);
  OrtValue **outputs = calloc(n_out + 1, sizeof *outputs);
  for (size_t i = 0; i < n_out; i++) {
    check(ort->SessionGetOutputName(session, i, allocator, &out_names[i]), "SessionGetOutputName");
  }
  check(ort->Run(session, NULL, in_names, (const OrtValue *const *)inputs, n_in,
                 (const char *const *)out_names, n_out, outputs), "Run");
  for (size_t i = 0; i < n_out; i++) {
    write_output(argv[2], i, out_names[i], outputs[i]);
    ort->ReleaseValue(outputs[i]);
    check(ort->AllocatorFree(allocator, out_names[i]), "AllocatorFree");
  }
  for (size_t i = 0; i < n_in; i++) {
    ort->ReleaseValue(inputs[i]);
    free(buffers[i]);
  }
  free(in_names); free(inputs); free(buffers); free(out_names); free(outputs);
  ort->ReleaseMemoryInfo(memory);
  ort->ReleaseSession(session);
  ort->ReleaseSessionOptions(options);
  ort->ReleaseEnv(env);
  return 0;
}
