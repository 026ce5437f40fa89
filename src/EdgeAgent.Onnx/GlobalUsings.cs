// The types generated from onnx.proto live in the namespace Onnx; this alias keeps them apart from EdgeAgent.Onnx.
global using Proto = global::Onnx;
