/**
 * The kernel lab (issue 16, "image processing came first"): the Photo tab, where a photo meets a
 * hand-made kernel ({@link org.convlab.ui.lab.FilterLab}, settings in
 * {@link org.convlab.ui.lab.LabControls}), its figure for {@code render --view image-filter}
 * ({@link org.convlab.ui.lab.FilterFigure}), "Use as conv1 filter" ({@link org.convlab.ui.lab.Conv1Copy})
 * and "Learned vs hand-made" ({@link org.convlab.ui.lab.FilterMatch}, {@code LearnedFilters}).
 * The arithmetic is the core's: {@link org.convlab.trace.filtering}.
 */
package org.convlab.ui.lab;
