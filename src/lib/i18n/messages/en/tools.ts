/**
 * The chapter's page tools, written by their scripts and re-said when the page's language changes: the print
 * controls (components/print-chapter/), the reader's progress and read marks (components/progress/), Read offline
 * (src/lib/offline/), the figure's embed and share control (components/embed-control/).
 */
export default {
  'print.plain': 'Print this chapter',
  'print.answers': 'Print with answers',
  'print.preparing': 'Preparing figures for printing: {done} of {total} ready…',
  'print.figures': { one: '{count} figure', other: '{count} figures' },
  'print.missing': {
    one: '{done} of {figures} ready; {count} did not finish in time and will print as far as it got, or as its caption.',
    other: '{done} of {figures} ready; {count} did not finish in time and will print as far as they got, or as their captions.',
  },
  'print.oneReady': 'The figure is ready.',
  'print.allReady': 'All {figures} ready.',

  'progress.none': '0 questions and exercises answered',
  'progress.count': '{answered} of {total} questions and exercises answered',
  'progress.clear': 'Clear my answers on this page',
  'progress.kept': 'Your answers are kept in this browser only; nothing is sent anywhere.',
  'progress.noStorage': 'This browser does not allow the book to store anything, so your answers will not be kept.',
  'progress.confirmClear': 'Clear everything you wrote on this page and fold its solutions again? This cannot be undone.',
  'progress.cleared': 'Your answers on this page were cleared.',
  'progress.read': ' (read)',

  'offline.save': 'Save for offline reading ({size})',
  'offline.available': 'Available offline: this chapter and its figures work without a network.',
  'offline.saving': 'Saving for offline reading: {done} of {total} files…',
  'offline.failed': 'Could not save this chapter ({error}). Check the connection and try again.',
  'offline.removed': 'The offline copy of this chapter was removed.',

  'search.loading': 'Loading search…',
  'search.failed': 'The search could not be loaded (is the connection down?). Close it and open it again to retry.',

  'embedControl.reset': 'Reset figure',
  'embedControl.resetDone': 'Figure reset to its starting set-up.',
  'embedControl.summary': 'Embed or share this figure',
  'embedControl.legend': 'Put it on another page',
  'embedControl.iframe': 'In a frame (works on most course sites)',
  'embedControl.script': "As an element (your page loads the widget's script)",
  'embedControl.paste': 'Paste this into your page as it is; it shows the figure as you have set it up:',
  'embedControl.linkGallery': 'Link to this set-up in the gallery:',
  'embedControl.linkFigure': 'Link to this figure in this chapter, as you have set it up:',
  'embedControl.copyCode': 'Copy code',
  'embedControl.copyEmbed': 'Copy embed link',
  'embedControl.copyGallery': 'Copy gallery link',
  'embedControl.copyFigure': 'Copy link to this figure',
  'embedControl.noteGallery': 'The embed link opens the figure alone; the gallery link opens this page with this widget, set up as it is now.',
  'embedControl.noteFigure': 'The embed link opens the figure alone; the link to this figure opens this chapter at the figure.',
  'embedControl.copied': 'Copied.',
  'embedControl.selected': 'Selected — press Ctrl+C (⌘C) to copy.',
} as const;
