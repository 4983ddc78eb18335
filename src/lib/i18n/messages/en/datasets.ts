/**
 * The packed datasets (src/lib/data/): their names, splits and class names wherever a widget shows them, and the
 * loader's errors (a missing, truncated or corrupted file), which name the file at fault.
 */
export default {
  'datasets.digits': 'MNIST digits',
  'datasets.split.train': 'train',
  'datasets.split.test': 'test',
  'datasets.fashion.tshirt': 'T-shirt/top',
  'datasets.fashion.trouser': 'Trouser',
  'datasets.fashion.pullover': 'Pullover',
  'datasets.fashion.dress': 'Dress',
  'datasets.fashion.coat': 'Coat',
  'datasets.fashion.sandal': 'Sandal',
  'datasets.fashion.shirt': 'Shirt',
  'datasets.fashion.sneaker': 'Sneaker',
  'datasets.fashion.bag': 'Bag',
  'datasets.fashion.ankleBoot': 'Ankle boot',
  'datasets.error.load': 'Could not load data file {file}: {error}.',
  'datasets.error.truncated': 'Data file {file} is truncated: got {got} of {expected} bytes.',
  'datasets.error.size': 'Data file {file} has the wrong size: {got} bytes, expected {expected}.',
  'datasets.error.corrupted': 'Data file {file} is corrupted: its SHA-256 is {got}…, the manifest says {expected}….',
  'datasets.error.noSplit': 'No split {split} in manifest.json (it has {known}).',
  'datasets.error.labels': 'Data file {file} does not match the class counts in manifest.json.',
  'datasets.error.manifestJson': 'Data manifest {file} does not parse as JSON ({error}).',
  'datasets.error.manifestInvalid': 'Data manifest {file} is invalid: {what}.',
  'datasets.error.noCrypto': 'Cannot verify data files: Web Crypto is unavailable (the page is not in a secure context).',
} as const;
