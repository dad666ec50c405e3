/**
 * Exchange with other tools (DESIGN.md): files that ConvLab shares with PyTorch, ONNX Runtime and
 * the like. Safetensors is read and written here by ConvLab's own small reader and writer; the
 * ONNX protobuf classes and the exported PyTorch project will live here too, and nowhere else.
 * May import every package below the command line and the UI.
 */
package org.convlab.io;
