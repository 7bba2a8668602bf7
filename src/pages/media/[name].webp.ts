import { mediaPaths, serveMedia } from '../../lib/media/media-route';

export const getStaticPaths = () => mediaPaths('webp');
export const GET = serveMedia;
