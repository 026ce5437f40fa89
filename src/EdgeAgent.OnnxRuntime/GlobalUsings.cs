// The fetched ONNX Runtime sources expect System.Reflection to be imported (see ARCHITECTURE.md).
global using System.Reflection;
