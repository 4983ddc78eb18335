/**
 * The book's own Astro components (src/components/, components/predict, exercise, widget-figure, code-listing,
 * figures, progress/AnswerBox): the chapter head, questions and exercises, a figure's chrome, the
 * Notation table, the "In code" listing. Rendered at build time in the page's locale (`Astro.currentLocale`).
 * A `{link}` is where a link goes inside the sentence (src/lib/i18n/hole.ts splits the sentence around it).
 */
export default {
  'book.chapter.about': 'About this chapter',
  'book.chapter.number': 'Chapter {order}',
  'book.chapter.readingTime': 'About {minutes} minutes',
  'book.chapter.objectives': 'You will learn to',
  'book.chapter.prerequisites': 'Before you start',
  'book.chapter.notation': 'What each symbol means: {link}.',
  'book.chapter.notationLink': 'Notation',

  'book.predict.label': 'Predict, then check',
  'book.predict.yours': 'Your prediction',
  'book.predict.check': 'Check your prediction',

  'book.exercise.number': 'Exercise',
  'book.exercise.link': 'Link',
  'book.exercise.linkLabel': 'Link to the exercise “{title}”',
  'book.exercise.kind.derivation': 'Derivation',
  'book.exercise.kind.calculation': 'Calculation',
  'book.exercise.kind.experiment': 'Experiment with the widget',
  'book.exercise.kind.explanation': 'Explain',
  'book.exercise.yours': 'Your answer',
  'book.exercise.solution': 'Worked solution',

  'book.answer.hint': 'Write it down before you open the solution. It stays in this browser only.',

  'book.figure.skip': 'Skip past this figure',
  'book.figure.printNote': 'This figure had not run when the page was printed; the caption describes it. “Print this chapter” at the top of the chapter runs every figure first.',


  'book.offline.save': 'Save for offline reading',
  'book.offline.remove': 'Remove the offline copy',

  'book.notation.symbol': 'Symbol',
  'book.notation.meaning': 'Meaning',
  'book.notation.firstIn': 'First in',
  'book.notation.chapter': 'Chapter {order}, {title}',

  'book.glossary.english': 'English',
  'book.glossary.chinese': 'Chinese',
  'book.glossary.notes': 'Notes',

  'book.code.output': 'What it prints (in Node, TensorFlow.js on the CPU)',
  'book.code.copy': 'Copy',
  'book.code.copied': 'Copied',
  'book.code.copiedStatus': 'Code copied.',
  'book.code.copyFailed': 'Copying failed: select the code and copy it by hand.',

  'book.dilation.panel': 'd = {d}: spans {span}×{span}',
  'book.dilation.caption': 'Where the nine weights of a 3×3 kernel fall on a 7×7 patch of input (filled squares). Dilation 1 covers a 3×3 block; dilation 2 leaves one pixel between taps and spans 5×5; dilation 3 leaves two and spans 7×7. The number of weights, and of multiply-adds per output, stays nine.',
} as const;
