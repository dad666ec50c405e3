package org.convlab.io.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.convlab.MemoryGuard;
import org.convlab.UserFiles;
import org.convlab.UserInputException;
import org.convlab.model.LayerInfo;
import org.convlab.model.ModelFiles;
import org.convlab.model.NetworkSpec;
import org.convlab.model.ShapeInference;

/**
 * Writes a ConvLab network as an ONNX model: opset 13, ir_version 7, producer "ConvLab", graph
 * input {@code input} [N, C, H, W] with a symbolic batch {@code N}, graph output {@code logits}
 * [N, K], class names and preprocessing in metadata_props. Layer by layer: conv → Conv (with
 * {@code normalize}: Conv, then Div {@code <layer>/normalize} by C*KH*KW, then Add
 * {@code <layer>/bias}, in ConvLab's order), max/avg pool → MaxPool/AveragePool (ceil_mode,
 * pads, count_include_pad=1), global average pool → GlobalAveragePool, dense → Gemm (transB=1,
 * after a Flatten {@code <layer>/flatten} when its input is a map), flatten → Flatten, batch
 * norm → BatchNormalization (running statistics), LRN → LRN, dropout → Dropout, relu/leakyrelu/
 * sigmoid/tanh → Relu/LeakyRelu/Sigmoid/Tanh, softmax → Softmax (axis 1), inception → its
 * branches and Concat (axis 1), residual → its branch, its skip (the input, or the projection conv
 * and batch norm) and Add, convtranspose → ConvTranspose, upsample → Resize by scales
 * {@code <layer>/scales} = [1, 1, s, s] ({@link OnnxExportUpsampling}). A 1D model (1 x L inputs, [1, k] kernels) is the same 2D graph.
 *
 * <p><b>The output is what {@code forward} returns</b>: the last layer's output. Every preset
 * ends with a softmax layer, so its {@code logits} output holds the class probabilities, exactly
 * as {@code Network.forward} reports them; the Softmax node is kept so that importing the file
 * gives back the same layers. A network without a final softmax exports its raw scores.
 *
 * <p>What an importer meets besides one node per layer (all named {@code <layer>/<what>}):
 * <ul>
 *   <li>{@code normalize}: Conv without bias, Div {@code <layer>/normalize} by the scalar
 *       initializer {@code <layer>/normalize/divisor} (C*KH*KW), Add {@code <layer>/bias} of
 *       {@code <layer>.bias} stored as [F, 1, 1] so that it broadcasts over the map.</li>
 *   <li>dropout: its rate as the scalar ratio input {@code <layer>/ratio}.</li>
 *   <li>an average pool in ceil mode whose last window hangs past the padded input: ONNX Runtime
 *       divides that window by its whole area, ConvLab and PyTorch by the part inside the padded
 *       input, so it is written as Pad {@code <layer>/pad} (constant zeros, when the layer has
 *       padding) and AveragePool with count_include_pad=0, ceil_mode=0 and end pads covering the
 *       overhang. Likewise ceil_mode is 1 only where it changes the output size (where ConvLab's ceil
 *       output equals floor's, its last window would start in the padding and is dropped).</li>
 *   <li>a flat vector going into conv, pool, LRN or global pool: Unsqueeze {@code <layer>/unsqueeze}
 *       to [N, C, 1, 1]; a map going into dense: Flatten {@code <layer>/flatten}; a network ending
 *       on a map: Flatten {@code <last layer>/flatten} producing {@code logits}.</li>
 *   <li>an LRN with alpha 0 or beta 0 (ONNX Runtime refuses those): Div {@code <layer>} by the
 *       scalar {@code <layer>/divisor} = k^beta, which is all such a layer does.</li>
 *   <li>batch norm's momentum attribute is 1 - ConvLab's (ONNX weighs the running value).</li>
 * </ul>
 * An LRN of even size is refused: ONNX centres its window one channel off from ConvLab's and
 * PyTorch's (and ONNX Runtime accepts only odd sizes).
 *
 * <p>The weights are streamed ({@link OnnxWriteStream}): peak heap is the network itself plus
 * a few small buffers. The file is written atomically (temporary file, then rename).
 */
public final class OnnxExport {
    /** The ONNX opset and IR version written (opset 13 is IR version 7). */
    public static final int OPSET = 13;
    public static final int IR_VERSION = 7;

    private OnnxExport() {}

    /**
     * Writes {@code spec} (every conv and dense weight inline) to {@code out} atomically.
     *
     * @throws UserInputException a layer that does not fit its input, a missing weight, an LRN of
     *                            even size, a file over protobuf's 2 GB, or a file that cannot be written
     */
    public static void write(NetworkSpec spec, Path out) {
        List<LayerInfo> infos = ShapeInference.infer(spec);
        OnnxExportGraph.Built built = OnnxExportGraph.build(spec, infos);
        ModelProto head = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("ConvLab")
                .setProducerVersion("1")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .addAllMetadataProps(OnnxExportMetadata.of(spec))
                .build();
        OnnxWriteStream stream = new OnnxWriteStream(head, built.graph(), built.weights());
        long size = stream.fileLength();
        if (size > Integer.MAX_VALUE) {
            throw new UserInputException(out + ": the ONNX file would be " + MemoryGuard.size(size)
                    + ", more than the 2 GB a protobuf file can hold; use fewer units or filters");
        }
        try {
            ModelFiles.writeAtomically(out, tmp -> {
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    stream.writeTo(os);
                }
            });
        } catch (IOException e) {
            throw UserFiles.problem(out, "ONNX file", e);
        }
    }
}
