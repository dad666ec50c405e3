package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.convlab.MemoryGuard;
import org.convlab.UserFiles;
import org.convlab.UserInputException;

/**
 * Opens an {@code .onnx} file as a protobuf {@code ModelProto} without copying its tensors onto
 * the heap: the file is memory-mapped read-only and parsed with aliasing on, so every
 * initializer's {@code raw_data} is a view into the mapping. A VGG-16 file (528 MB of weights)
 * then costs the heap only the graph's small messages until each tensor is decoded into its
 * layer's array (see {@link OnnxReadTensors}). Bad files are refused in one line naming the file.
 */
final class OnnxReadFile {
    /** Protobuf's own limit: a message larger than 2 GiB cannot be parsed (nor mapped as one buffer). */
    static final long PROTOBUF_LIMIT = Integer.MAX_VALUE;

    private OnnxReadFile() {}

    /** The parsed model; its tensors alias the mapped file. */
    static OnnxMl.ModelProto read(Path file) {
        long length = UserFiles.requireReadableFile(file, "ONNX model");
        if (length == 0) {
            throw new UserInputException(file + ": is empty, not an ONNX model");
        }
        if (length > PROTOBUF_LIMIT) {
            throw new UserInputException(file + ": is " + MemoryGuard.size(length) + ", larger than the 2 GB a single"
                    + " protobuf message may be; ONNX stores bigger models with external data, which ConvLab does not read");
        }
        MappedByteBuffer mapped;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, length);
        } catch (IOException e) {
            throw UserFiles.problem(file, "ONNX model", e);
        }
        try {
            // through a ByteString so that protobuf knows the buffer never changes: only then does
            // aliasing hand out views (CodedInputStream.newInstance(ByteBuffer) copies every bytes field)
            CodedInputStream in = UnsafeByteOperations.unsafeWrap(mapped).newCodedInput();
            in.enableAliasing(true);
            in.setSizeLimit(Integer.MAX_VALUE);
            OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(in);
            if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
                throw new UserInputException(file + ": is not an ONNX model (no graph with nodes in it)");
            }
            return model;
        } catch (InvalidProtocolBufferException e) {
            throw new UserInputException(file + ": is not a valid ONNX file (" + why(e) + ")");
        } catch (IOException e) {
            throw UserFiles.problem(file, "ONNX model", e);
        } catch (OutOfMemoryError e) {
            throw MemoryGuard.refusal(length, "reading " + file, null);
        } catch (RuntimeException e) {
            if (e instanceof UserInputException u) {
                throw u;
            }
            // protobuf throws unchecked exceptions on some corrupt inputs (bad UTF-8, wild lengths)
            throw new UserInputException(file + ": is not a valid ONNX file (the protobuf data is damaged)");
        }
    }

    private static String why(InvalidProtocolBufferException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("ended unexpectedly") || m.contains("truncated")) {
            return "the file ends in the middle of the model: it was cut short, download or copy it again";
        }
        return "its bytes are not an ONNX protobuf: is it another kind of file, or damaged?";
    }
}
