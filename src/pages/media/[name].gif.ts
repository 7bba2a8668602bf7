import { mediaPaths, serveMedia } from '../../lib/media/media-route';

export const getStaticPaths = () => mediaPaths('gif');
export const GET = serveMedia;
