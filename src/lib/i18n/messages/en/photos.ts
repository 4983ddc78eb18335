/** The sample photos' titles (public/samples/manifest.json), as the image menus of the photo widgets show them. */
export default {
  'photos.chelsea': 'Chelsea the cat',
  'photos.astronaut': 'Astronaut Eileen Collins',
  'photos.camera': 'Camera man',
  'photos.coins': 'Greek coins from Pompeii',
  'photos.brick': 'Brick wall',
} as const;
