// In the page: point the lazy parts at the files the app serves (the tracker's URLs are required; the audio
// model's shown here are its defaults).
import { AudioVisemeModel, lipsyncAssetUrls } from '@digital-human/lipsync/audio';
import { CameraSense, senseAssetUrls } from '@digital-human/sense';

// Only after the customer agreed to the camera: MediaPipe loads now, from /digital-human/sense/.
export const sense = new CameraSense({ tracker: senseAssetUrls('/digital-human/sense/'), quality: 'low' });
// Visemes from audio alone (for a voice without timing), from /digital-human/lipsync/.
export const audioModel = new AudioVisemeModel(lipsyncAssetUrls('/digital-human/lipsync/'));
