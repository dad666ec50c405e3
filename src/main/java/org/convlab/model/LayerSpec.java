package org.convlab.model;

/**
 * One layer of a network, as a student writes it in a model file: immutable, validated on
 * construction (bad values throw {@link org.convlab.UserInputException} naming the layer).
 * {@link #type()} is the layer's {@code "type"} in the JSON file. A {@code null} name means
 * "not named yet"; {@link NetworkSpec} gives every layer a default name (conv1, pool1, fc1, ...).
 */
public sealed interface LayerSpec
        permits ConvSpec, PoolSpec, GlobalAvgPoolSpec, ActivationSpec, SoftmaxSpec, FlattenSpec,
                DenseSpec, DropoutSpec, BatchNormSpec, LrnSpec, InceptionSpec, ResidualSpec,
                ConvTransposeSpec, UpsampleSpec {

    /** The layer's name, or null before {@link NetworkSpec} assigned a default one. */
    String name();

    /** The JSON type: conv, maxpool, avgpool, globalavgpool, relu, leakyrelu, sigmoid, tanh, softmax, flatten, dense, dropout, batchnorm, lrn, inception, residual, convtranspose, upsample. */
    String type();

    /** A copy with this name (composite blocks also name their unnamed inner layers). */
    LayerSpec withName(String name);

    /** Prefix of default names: conv, pool, fc, relu, ... */
    default String defaultPrefix() {
        return type();
    }

    /** The name when set, else the type: for error messages before names are assigned. */
    default String label() {
        return name() != null ? name() : type();
    }
}
